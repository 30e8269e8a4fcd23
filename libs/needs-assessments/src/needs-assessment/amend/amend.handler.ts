import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter, NeedsAssessmentFacts } from '../needs-assessment.facts.js';

export class AmendCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
    readonly reason: string,
  ) {}
}

@CommandHandler(AmendCommand)
export class AmendHandler implements ICommandHandler<AmendCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: NeedsAssessmentFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ meta, assessmentId, reason }: AmendCommand) {
    assertWriter(meta.actor);
    const { state } = await this.runner.load(NeedsAssessment, assessmentId);
    const facts = await this.facts.submission(state);
    return this.runner.run(
      NeedsAssessment,
      assessmentId,
      { type: 'Amend', actor: meta.actor, today: this.clock.today(), reason, ...facts },
      meta,
      { reason },
    );
  }
}
