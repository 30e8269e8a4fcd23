import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { AppealStepRunner } from '../appeal-step-runner.js';
import type { DecideAppealDto } from './decide-appeal.dto.js';

export class DecideAppealCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly appealId: string,
    readonly input: DecideAppealDto,
  ) {}
}

@CommandHandler(DecideAppealCommand)
export class DecideAppealHandler implements ICommandHandler<DecideAppealCommand, CommandOutcome> {
  constructor(
    private readonly steps: AppealStepRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** R20: the ministry (Udir), the appellate body; R23: upheld, reversed or partly reversed (charged to the frame, R18). */
  execute({ meta, appealId, input }: DecideAppealCommand) {
    return this.steps.run(meta, appealId, {
      outcome: input.outcome,
      reason: input.reason,
      amounts: input.amounts,
      authorize: () => AccessPolicy.assertMinistry(meta.actor, 'decides appeals (Udir)'),
      command: (remedy) => ({
        type: 'DecideAppeal',
        appealId,
        outcome: input.outcome,
        reason: input.reason,
        remedy,
        today: this.clock.today(),
      }),
    });
  }
}
