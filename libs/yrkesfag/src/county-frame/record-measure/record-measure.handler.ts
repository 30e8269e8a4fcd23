import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertCounty } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';
import type { ProgrammeArea, ProviderKind, TargetGroup } from '../reference.js';

export interface RecordMeasureInput {
  year: number;
  title: string;
  provider: { kind: ProviderKind; orgNumber?: string; name?: string };
  targetGroups: TargetGroup[];
  programmeAreas: ProgrammeArea[];
  needIds?: string[];
  amount: number;
  creditBearing: boolean;
}

export class RecordMeasureCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly input: RecordMeasureInput,
  ) {}
}

@CommandHandler(RecordMeasureCommand)
export class RecordMeasureHandler implements ICommandHandler<RecordMeasureCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, input }: RecordMeasureCommand) {
    assertCounty(meta.actor, county, 'plans its YRKESFAG measures (R24)');
    const provider = { kind: input.provider.kind, orgNumber: input.provider.orgNumber ?? null, name: input.provider.name ?? '' };
    return this.runner.run(YrkesfagFrame, county, { type: 'RecordMeasure', ...input, provider, needIds: input.needIds ?? [] }, meta, {
      created: true,
      retryOnConflict: true,
      extra: (state) => ({ measureId: state.measures[state.measures.length - 1].measureId }),
    });
  }
}
