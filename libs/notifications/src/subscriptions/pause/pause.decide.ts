import { NotFoundError } from '#libs/kernel';
import { liveSubscription, type WebhookEvent, type WebhookSubscriptionsState } from '../webhook-subscriptions.aggregate.js';

export interface PauseWebhook {
  type: 'PauseWebhook';
  subscriptionId: string;
}

export interface ResumeWebhook {
  type: 'ResumeWebhook';
  subscriptionId: string;
}

/** Paused: events meanwhile are not queued for it, and its pending deliveries wait. Pausing twice does nothing. */
export function decidePauseWebhook(command: PauseWebhook, state: WebhookSubscriptionsState): WebhookEvent[] {
  const s = liveSubscription(state, command.subscriptionId);
  if (!s) throw new NotFoundError('webhook', command.subscriptionId);
  return s.status === 'paused' ? [] : [{ type: 'WebhookPaused', data: { subscriptionId: s.subscriptionId } }];
}

/** Resumed: new events reach it again and its waiting deliveries go out. */
export function decideResumeWebhook(command: ResumeWebhook, state: WebhookSubscriptionsState): WebhookEvent[] {
  const s = liveSubscription(state, command.subscriptionId);
  if (!s) throw new NotFoundError('webhook', command.subscriptionId);
  return s.status === 'active' ? [] : [{ type: 'WebhookResumed', data: { subscriptionId: s.subscriptionId } }];
}
