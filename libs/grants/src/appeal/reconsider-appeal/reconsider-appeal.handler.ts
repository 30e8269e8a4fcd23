import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { AppealStepRunner } from '../appeal-step-runner.js';
import type { ReconsiderAppealDto } from './reconsider-appeal.dto.js';

export class ReconsiderAppealCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly appealId: string,
    readonly input: ReconsiderAppealDto,
  ) {}
}

@CommandHandler(ReconsiderAppealCommand)
export class ReconsiderAppealHandler implements ICommandHandler<ReconsiderAppealCommand, CommandOutcome> {
  constructor(
    private readonly steps: AppealStepRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** R20: the governor of the appeal's office; R23: reverse (R18 on the frame), uphold and forward, or dismiss a late one. */
  execute({ meta, appealId, input }: ReconsiderAppealCommand) {
    return this.steps.run(meta, appealId, {
      outcome: input.outcome,
      reason: input.reason,
      amounts: input.amounts,
      authorize: (a) => AccessPolicy.assertGovernorOf(meta.actor, a.office, 'reconsiders appeals', `Appeal ${appealId}`),
      command: (remedy) => ({
        type: 'ReconsiderAppeal',
        appealId,
        outcome: input.outcome,
        reason: input.reason,
        lateReason: input.lateReason ?? null,
        remedy,
        today: this.clock.today(),
      }),
    });
  }
}
