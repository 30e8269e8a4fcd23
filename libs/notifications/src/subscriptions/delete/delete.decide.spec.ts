import { NotFoundError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { WebhookSubscriptions } from '../webhook-subscriptions.aggregate.js';
import { subscribed } from '../webhook.spec-fixtures.js';

const spec = deciderSpec(WebhookSubscriptions.decider);
const deleted = { type: 'WebhookDeleted' as const, data: { subscriptionId: 'wh-1' } };

describe('delete a webhook', () => {
  it('Given a subscription, When deleted, Then WebhookDeleted', () => {
    spec.given([subscribed()]).when({ type: 'DeleteWebhook', subscriptionId: 'wh-1' }).then([deleted]);
  });

  it('deleting twice, or an unknown id: not found', () => {
    spec.given([subscribed(), deleted]).when({ type: 'DeleteWebhook', subscriptionId: 'wh-1' }).thenThrows(NotFoundError);
    spec.given([]).when({ type: 'DeleteWebhook', subscriptionId: 'wh-1' }).thenThrows(NotFoundError);
  });
});
