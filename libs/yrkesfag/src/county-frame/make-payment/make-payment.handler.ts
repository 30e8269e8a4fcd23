import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertUdir } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class MakePaymentCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly year: number,
    readonly input: { amount: number; paidOn: string },
  ) {}
}

@CommandHandler(MakePaymentCommand)
export class MakePaymentHandler implements ICommandHandler<MakePaymentCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, county, year, input }: MakePaymentCommand) {
    assertUdir(meta.actor, 'pays YRKESFAG frames (R24)');
    return this.runner.run(
      YrkesfagFrame,
      county,
      { type: 'MakePayment', year, amount: input.amount, paidOn: input.paidOn, today: this.clock.today() },
      meta,
      {
        retryOnConflict: true,
        extra: (state) => ({ paymentId: `P${state.payments}` }),
      },
    );
  }
}
