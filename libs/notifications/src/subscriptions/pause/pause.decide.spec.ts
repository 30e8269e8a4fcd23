import { NotFoundError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { WebhookSubscriptions } from '../webhook-subscriptions.aggregate.js';
import { subscribed } from '../webhook.spec-fixtures.js';

const spec = deciderSpec(WebhookSubscriptions.decider);
const paused = { type: 'WebhookPaused' as const, data: { subscriptionId: 'wh-1' } };

describe('pause and resume a webhook', () => {
  it('Given an active subscription, When paused, Then WebhookPaused; pausing again does nothing', () => {
    spec.given([subscribed()]).when({ type: 'PauseWebhook', subscriptionId: 'wh-1' }).then([paused]);
    spec.given([subscribed(), paused]).when({ type: 'PauseWebhook', subscriptionId: 'wh-1' }).then([]);
  });

  it('Given a paused subscription, When resumed, Then WebhookResumed; resuming an active one does nothing', () => {
    spec
      .given([subscribed(), paused])
      .when({ type: 'ResumeWebhook', subscriptionId: 'wh-1' })
      .then([{ type: 'WebhookResumed', data: { subscriptionId: 'wh-1' } }]);
    spec.given([subscribed()]).when({ type: 'ResumeWebhook', subscriptionId: 'wh-1' }).then([]);
  });

  it('an unknown subscription is not found', () => {
    spec.given([]).when({ type: 'PauseWebhook', subscriptionId: 'wh-9' }).thenThrows(NotFoundError);
    spec.given([]).when({ type: 'ResumeWebhook', subscriptionId: 'wh-9' }).thenThrows(NotFoundError);
  });

  it('each subscription counts its own changes (its ETag)', () => {
    const given = spec.given([subscribed(), subscribed({ subscriptionId: 'wh-2' }), paused]);
    expect(given.state.subscriptions['wh-1'].changes).toBe(2);
    expect(given.state.subscriptions['wh-2'].changes).toBe(1);
  });
});
