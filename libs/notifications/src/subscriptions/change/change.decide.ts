import { NotFoundError } from '#libs/kernel';
import { assertKinds, assertMaySubscribe, assertUrl } from '../subscription.rules.js';
import { liveSubscription, type WebhookEvent, type WebhookSubscriptionsState } from '../webhook-subscriptions.aggregate.js';

export interface ChangeWebhook {
  type: 'ChangeWebhook';
  subscriptionId: string;
  url?: string;
  kinds?: string[];
  /** `office: null` removes the scope. */
  scope?: { office: string | null };
}

/** A new URL, kinds or scope, checked as on subscribing; nothing when nothing changes. */
export function decideChangeWebhook(command: ChangeWebhook, state: WebhookSubscriptionsState): WebhookEvent[] {
  const s = liveSubscription(state, command.subscriptionId);
  if (!s || !state.subscriber) throw new NotFoundError('webhook', command.subscriptionId);
  const url = command.url ?? s.url;
  const kinds = command.kinds ?? s.kinds;
  const scope = command.scope ?? s.scope;
  assertMaySubscribe(state.subscriber, kinds, scope);
  assertUrl(url);
  assertKinds(kinds);
  if (url === s.url && JSON.stringify(kinds) === JSON.stringify(s.kinds) && scope.office === s.scope.office) return [];
  return [{ type: 'WebhookChanged', data: { subscriptionId: s.subscriptionId, url, kinds: [...kinds], scope: { office: scope.office } } }];
}
