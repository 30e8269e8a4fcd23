import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { GrantCommandRunner } from '../grant-command-runner.js';

export class SettleRepaymentCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly claimId: string,
    readonly input: { amount: number; settledOn?: string },
  ) {}
}

@CommandHandler(SettleRepaymentCommand)
export class SettleRepaymentHandler implements ICommandHandler<SettleRepaymentCommand, CommandOutcome> {
  constructor(
    private readonly grants: GrantCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, grantId, claimId, input }: SettleRepaymentCommand) {
    return this.grants.run(meta, grantId, { by: 'governor', action: 'records settlements' }, (grant) => ({
      type: 'SettleRepayment',
      grant,
      claimId,
      amount: input.amount,
      settledOn: input.settledOn ?? this.clock.today(),
    }));
  }
}
