import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter, NeedsAssessmentFacts } from '../needs-assessment.facts.js';
import type { MeasureFields } from '../needs-assessment.types.js';

export class AddMeasureCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
    readonly input: { measure: MeasureFields; universityOrg: string },
  ) {}
}

/** Answers the new measure's id (`measureId`) besides the assessment's. */
@CommandHandler(AddMeasureCommand)
export class AddMeasureHandler implements ICommandHandler<AddMeasureCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: NeedsAssessmentFacts,
  ) {}

  async execute({ meta, assessmentId, input }: AddMeasureCommand) {
    assertWriter(meta.actor);
    const measureId = randomUUID();
    const university = await this.facts.org(input.universityOrg);
    const command = {
      type: 'AddMeasure' as const,
      actor: meta.actor,
      measureId,
      measure: input.measure,
      universityOrg: input.universityOrg,
      university,
    };
    return this.runner.run(NeedsAssessment, assessmentId, command, meta, { extra: () => ({ measureId }) });
  }
}
