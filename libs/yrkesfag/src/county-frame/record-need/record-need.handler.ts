import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertCounty } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';
import type { NeedSource, ProgrammeArea, TargetGroup } from '../reference.js';

export class RecordNeedCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly input: {
      year: number;
      fromOrg: string;
      source: NeedSource;
      targetGroups: TargetGroup[];
      programmeAreas: ProgrammeArea[];
      description: string;
    },
  ) {}
}

@CommandHandler(RecordNeedCommand)
export class RecordNeedHandler implements ICommandHandler<RecordNeedCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, input }: RecordNeedCommand) {
    assertCounty(meta.actor, county, 'records the needs of its schools and training companies (R24)');
    return this.runner.run(YrkesfagFrame, county, { type: 'RecordNeed', ...input }, meta, {
      created: true,
      retryOnConflict: true,
      extra: (state) => ({ needId: state.needs[state.needs.length - 1].needId }),
    });
  }
}
