import { ConflictError, DomainError } from '#libs/kernel';
import type { Subscriber } from '../../audience/audience.js';
import { assertKinds, assertMaySubscribe, assertUrl, MAX_SUBSCRIPTIONS } from '../subscription.rules.js';
import type { WebhookEvent, WebhookSettings, WebhookSubscriptionsState } from '../webhook-subscriptions.aggregate.js';

export interface SubscribeWebhook extends WebhookSettings {
  type: 'SubscribeWebhook';
  subscriptionId: string;
  subscriber: Subscriber;
}

/** R20 first (what the subscriber may see), then the URL, the kinds and the bound on subscriptions. */
export function decideSubscribeWebhook(command: SubscribeWebhook, state: WebhookSubscriptionsState): WebhookEvent[] {
  if (state.subscriptions[command.subscriptionId]) throw new ConflictError(`subscription ${command.subscriptionId} exists already`);
  assertMaySubscribe(command.subscriber, command.kinds, command.scope);
  assertUrl(command.url);
  assertKinds(command.kinds);
  const live = Object.values(state.subscriptions).filter((s) => s.status !== 'deleted').length;
  if (live >= MAX_SUBSCRIPTIONS) {
    throw DomainError.of(
      'maxSubscriptions',
      'subscriptions',
      `at most ${MAX_SUBSCRIPTIONS} webhook subscriptions per subscriber; delete one first`,
    );
  }
  const { subscriptionId, subscriber, url, kinds, scope } = command;
  return [
    {
      type: 'WebhookSubscribed',
      data: { subscriptionId, subscriber, url, kinds: [...kinds], scope: { office: scope.office }, secretVersion: 1 },
    },
  ];
}
