import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { GrantCommandRunner } from '../grant-command-runner.js';
import { randomUUID } from 'node:crypto';

export class RecordPaymentCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly input: { year: number; amount: number; paidOn?: string },
  ) {}
}

@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand, CommandOutcome> {
  constructor(
    private readonly grants: GrantCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, grantId, input }: RecordPaymentCommand) {
    const today = this.clock.today();
    const paymentId = randomUUID();
    return this.grants.run(
      meta,
      grantId,
      { by: 'governor', action: 'records payments' },
      async (grant) => ({
        type: 'RecordPayment',
        grant,
        paymentId,
        year: input.year,
        amount: input.amount,
        paidOn: input.paidOn ?? today,
        overdueReports: await this.grants.facts.overdueReports(grant.recipientOrg, today, grant),
      }),
      { extra: () => ({ paymentId }) },
    );
  }
}
