import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, type Scheme } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { FrameLedger, ledgerIdOf } from '../frame-ledger.aggregate.js';

export class AdjustFrameCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly office: string,
    readonly scheme: Scheme,
    readonly year: number,
    readonly input: { amount: number; reason: string },
  ) {}
}

@CommandHandler(AdjustFrameCommand)
export class AdjustFrameHandler implements ICommandHandler<AdjustFrameCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, office, scheme, year, input }: AdjustFrameCommand) {
    AccessPolicy.assertMinistry(meta.actor, 'sets and adjusts frames');
    return this.runner.run(
      FrameLedger,
      ledgerIdOf(office, scheme),
      { type: 'AdjustFrame', year, amount: input.amount, reason: input.reason },
      meta,
      {
        resourceId: `${office}/${scheme}/${year}`,
        reason: input.reason,
      },
    );
  }
}
