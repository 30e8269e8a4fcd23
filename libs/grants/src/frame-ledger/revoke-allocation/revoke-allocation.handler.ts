import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { sum } from '../../common/money.js';
import { LedgerGrantRunner } from '../ledger-grant-runner.js';

export class RevokeAllocationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly input: { reason: string },
  ) {}
}

@CommandHandler(RevokeAllocationCommand)
export class RevokeAllocationHandler implements ICommandHandler<RevokeAllocationCommand, CommandOutcome> {
  constructor(
    private readonly ledger: LedgerGrantRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, grantId, input }: RevokeAllocationCommand) {
    return this.ledger.run(
      meta,
      grantId,
      'revokes allocations',
      (_, grant) => ({
        type: 'RevokeAllocation',
        grantId,
        reason: input.reason,
        paidTotal: sum(Object.values(grant.paid)),
        today: this.clock.today(),
      }),
      input.reason,
    );
  }
}
