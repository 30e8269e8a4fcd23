import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { runOnSubscription } from '../subscriber.js';

export class PauseWebhookCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly subscriptionId: string,
    readonly pause: boolean,
  ) {}
}

@CommandHandler(PauseWebhookCommand)
export class PauseWebhookHandler implements ICommandHandler<PauseWebhookCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, subscriptionId, pause }: PauseWebhookCommand) {
    return runOnSubscription(this.runner, meta, subscriptionId, { type: pause ? 'PauseWebhook' : 'ResumeWebhook', subscriptionId });
  }
}
