import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter, NeedsAssessmentFacts } from '../needs-assessment.facts.js';

export class SubmitCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
  ) {}
}

@CommandHandler(SubmitCommand)
export class SubmitHandler implements ICommandHandler<SubmitCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: NeedsAssessmentFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ meta, assessmentId }: SubmitCommand) {
    assertWriter(meta.actor);
    const { state } = await this.runner.load(NeedsAssessment, assessmentId);
    const facts = await this.facts.submission(state);
    return this.runner.run(NeedsAssessment, assessmentId, { type: 'Submit', actor: meta.actor, today: this.clock.today(), ...facts }, meta);
  }
}
