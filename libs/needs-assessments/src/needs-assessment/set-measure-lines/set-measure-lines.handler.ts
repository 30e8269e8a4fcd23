import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter } from '../needs-assessment.facts.js';
import type { OrgLines } from '../needs-assessment.types.js';

export class SetMeasureLinesCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
    readonly measureId: string,
    readonly org: string,
    readonly lines: OrgLines,
  ) {}
}

@CommandHandler(SetMeasureLinesCommand)
export class SetMeasureLinesHandler implements ICommandHandler<SetMeasureLinesCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, assessmentId, measureId, org, lines }: SetMeasureLinesCommand) {
    assertWriter(meta.actor);
    return this.runner.run(NeedsAssessment, assessmentId, { type: 'SetMeasureLines', actor: meta.actor, measureId, org, lines }, meta);
  }
}
