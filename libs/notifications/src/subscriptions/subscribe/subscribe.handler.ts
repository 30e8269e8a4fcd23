import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { WebhookSecrets } from '../../delivery/signing-key.js';
import { SubscriberLookup, subscriptionVersion } from '../subscriber.js';
import { WebhookSubscriptions } from '../webhook-subscriptions.aggregate.js';

export class SubscribeWebhookCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: { url: string; kinds: string[]; scope?: { office?: string | null } },
  ) {}
}

/** A new subscription of the actor's own; its secret is answered here, once (it is derived, never stored). */
@CommandHandler(SubscribeWebhookCommand)
export class SubscribeWebhookHandler implements ICommandHandler<SubscribeWebhookCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly subscribers: SubscriberLookup,
    private readonly secrets: WebhookSecrets,
  ) {}

  async execute({ meta, input }: SubscribeWebhookCommand) {
    const subscriber = await this.subscribers.of(meta.actor);
    const subscriptionId = randomUUID();
    const secret = await this.secrets.secretOf(subscriptionId, 1);
    return this.runner.run(
      WebhookSubscriptions,
      meta.actor.org,
      {
        type: 'SubscribeWebhook',
        subscriptionId,
        subscriber,
        url: input.url,
        kinds: input.kinds,
        scope: { office: input.scope?.office ?? null },
      },
      meta,
      {
        resourceId: subscriptionId,
        created: true,
        resourceVersion: subscriptionVersion(subscriptionId),
        extra: () => ({ secret }),
        retryOnConflict: true,
      },
    );
  }
}
