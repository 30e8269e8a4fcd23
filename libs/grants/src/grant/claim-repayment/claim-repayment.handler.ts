import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { GrantCommandRunner } from '../grant-command-runner.js';
import { randomUUID } from 'node:crypto';

export class ClaimRepaymentCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly input: { year?: number; amount: number; reason: string },
  ) {}
}

@CommandHandler(ClaimRepaymentCommand)
export class ClaimRepaymentHandler implements ICommandHandler<ClaimRepaymentCommand, CommandOutcome> {
  constructor(
    private readonly grants: GrantCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, grantId, input }: ClaimRepaymentCommand) {
    const claimId = randomUUID();
    return this.grants.run(
      meta,
      grantId,
      { by: 'governor', action: 'claims repayments' },
      (grant) => ({
        type: 'ClaimRepayment',
        grant,
        claimId,
        year: input.year ?? null,
        amount: input.amount,
        reason: input.reason,
        today: this.clock.today(),
      }),
      { reason: input.reason, extra: () => ({ claimId }) },
    );
  }
}
