import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter } from '../needs-assessment.facts.js';
import type { MeasureFields } from '../needs-assessment.types.js';

export class ReviseMeasureCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
    readonly measureId: string,
    readonly measure: MeasureFields,
  ) {}
}

@CommandHandler(ReviseMeasureCommand)
export class ReviseMeasureHandler implements ICommandHandler<ReviseMeasureCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, assessmentId, measureId, measure }: ReviseMeasureCommand) {
    assertWriter(meta.actor);
    return this.runner.run(NeedsAssessment, assessmentId, { type: 'ReviseMeasure', actor: meta.actor, measureId, measure }, meta);
  }
}
