import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertUdir } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class SettleRepaymentCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly year: number,
    readonly claimId: string,
    readonly input: { amount: number; settledOn: string },
  ) {}
}

@CommandHandler(SettleRepaymentCommand)
export class SettleRepaymentHandler implements ICommandHandler<SettleRepaymentCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, year, claimId, input }: SettleRepaymentCommand) {
    assertUdir(meta.actor, 'records repayments (R16)');
    return this.runner.run(YrkesfagFrame, county, { type: 'SettleRepayment', year, claimId, ...input }, meta, { retryOnConflict: true });
  }
}
