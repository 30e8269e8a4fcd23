import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertUdir } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class ClaimRepaymentCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly year: number,
    readonly input: { amount: number; claimedOn: string; reason: string },
  ) {}
}

@CommandHandler(ClaimRepaymentCommand)
export class ClaimRepaymentHandler implements ICommandHandler<ClaimRepaymentCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, year, input }: ClaimRepaymentCommand) {
    assertUdir(meta.actor, 'claims YRKESFAG money back (R16)');
    return this.runner.run(YrkesfagFrame, county, { type: 'ClaimRepayment', year, ...input }, meta, {
      reason: input.reason,
      created: true,
      retryOnConflict: true,
      extra: (state) => ({ claimId: state.claims[state.claims.length - 1].claimId }),
    });
  }
}
