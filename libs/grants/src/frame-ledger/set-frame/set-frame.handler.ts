import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, DomainError, type Scheme } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { isKnownOfficeCode } from '#libs/reference-data';
import { FrameLedger, ledgerIdOf } from '../frame-ledger.aggregate.js';

export class SetFrameCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: { office: string; scheme: Scheme; year: number; amount: number },
  ) {}
}

@CommandHandler(SetFrameCommand)
export class SetFrameHandler implements ICommandHandler<SetFrameCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, input }: SetFrameCommand) {
    AccessPolicy.assertMinistry(meta.actor, 'sets and adjusts frames');
    if (!isKnownOfficeCode(input.office)) throw DomainError.of('R19', 'office', `${input.office} is not a governor office code`);
    return this.runner.run(FrameLedger, ledgerIdOf(input.office, input.scheme), { type: 'SetFrame', ...input }, meta, {
      resourceId: `${input.office}/${input.scheme}/${input.year}`,
      created: true,
    });
  }
}
