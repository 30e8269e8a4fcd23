import { NotFoundError } from '#libs/kernel';
import { liveSubscription, type WebhookEvent, type WebhookSubscriptionsState } from '../webhook-subscriptions.aggregate.js';

export interface DeleteWebhook {
  type: 'DeleteWebhook';
  subscriptionId: string;
}

/** Deleted: nothing more is queued or sent for it; a deleted subscription is not found afterwards. */
export function decideDeleteWebhook(command: DeleteWebhook, state: WebhookSubscriptionsState): WebhookEvent[] {
  const s = liveSubscription(state, command.subscriptionId);
  if (!s) throw new NotFoundError('webhook', command.subscriptionId);
  return [{ type: 'WebhookDeleted', data: { subscriptionId: s.subscriptionId } }];
}
