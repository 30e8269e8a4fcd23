import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { runOnSubscription } from '../subscriber.js';

export class DeleteWebhookCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly subscriptionId: string,
  ) {}
}

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, subscriptionId }: DeleteWebhookCommand) {
    return runOnSubscription(this.runner, meta, subscriptionId, { type: 'DeleteWebhook', subscriptionId });
  }
}
