import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { runOnSubscription } from '../subscriber.js';

export class ChangeWebhookCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly subscriptionId: string,
    readonly input: { url?: string; kinds?: string[]; scope?: { office?: string | null } },
  ) {}
}

@CommandHandler(ChangeWebhookCommand)
export class ChangeWebhookHandler implements ICommandHandler<ChangeWebhookCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, subscriptionId, input }: ChangeWebhookCommand) {
    return runOnSubscription(this.runner, meta, subscriptionId, {
      type: 'ChangeWebhook',
      subscriptionId,
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.kinds !== undefined ? { kinds: input.kinds } : {}),
      ...(input.scope !== undefined ? { scope: { office: input.scope.office ?? null } } : {}),
    });
  }
}
