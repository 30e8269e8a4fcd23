import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { Call } from '../call.aggregate.js';

export class ExtendCallDeadlineCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly callId: string,
    readonly input: { deadline: string; reason: string },
  ) {}
}

@CommandHandler(ExtendCallDeadlineCommand)
export class ExtendCallDeadlineHandler implements ICommandHandler<ExtendCallDeadlineCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, callId, input }: ExtendCallDeadlineCommand) {
    const office = AccessPolicy.governorOffice(meta.actor, 'changes calls');
    if (!callId.startsWith(`${office.toLowerCase()}-`))
      AccessPolicy.assertGovernorOf(meta.actor, callId.split('-')[0].toUpperCase(), 'changes calls', `call ${callId}`);
    return this.runner.run(Call, callId, { type: 'ExtendCallDeadline', deadline: input.deadline, reason: input.reason }, meta, {
      reason: input.reason,
    });
  }
}
