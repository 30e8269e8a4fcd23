import { ForbiddenError, NotFoundError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { WebhookSubscriptions } from '../webhook-subscriptions.aggregate.js';
import { subscribed, UNIVERSITY } from '../webhook.spec-fixtures.js';

const spec = deciderSpec(WebhookSubscriptions.decider);

describe('change a webhook', () => {
  it('Given a subscription, When its URL and kinds change, Then WebhookChanged with the whole new settings', () => {
    spec
      .given([subscribed()])
      .when({ type: 'ChangeWebhook', subscriptionId: 'wh-1', url: 'https://new.example.org/h', kinds: ['payment.recorded'] })
      .then([
        {
          type: 'WebhookChanged',
          data: { subscriptionId: 'wh-1', url: 'https://new.example.org/h', kinds: ['payment.recorded'], scope: { office: null } },
        },
      ]);
  });

  it('Nothing changes: no event', () => {
    spec
      .given([subscribed()])
      .when({ type: 'ChangeWebhook', subscriptionId: 'wh-1', url: 'https://hooks.stavanger.kommune.no/dekomp' })
      .then([]);
  });

  it('the same rules as subscribing: url, and R20 on kinds and scope', () => {
    spec
      .given([subscribed()])
      .when({ type: 'ChangeWebhook', subscriptionId: 'wh-1', url: 'javascript:alert(1)' })
      .thenViolates('url', 'url');
    spec
      .given([subscribed()])
      .when({ type: 'ChangeWebhook', subscriptionId: 'wh-1', scope: { office: 'AGDER' } })
      .thenThrows(ForbiddenError);
    spec
      .given([subscribed({ subscriber: UNIVERSITY, kinds: ['grant.decided'] })])
      .when({ type: 'ChangeWebhook', subscriptionId: 'wh-1', kinds: ['call.opened'] })
      .thenThrows(ForbiddenError);
  });

  it('an unknown or deleted subscription is not found', () => {
    spec.given([]).when({ type: 'ChangeWebhook', subscriptionId: 'wh-1', url: 'https://x.example.org' }).thenThrows(NotFoundError);
    spec
      .given([subscribed(), { type: 'WebhookDeleted', data: { subscriptionId: 'wh-1' } }])
      .when({ type: 'ChangeWebhook', subscriptionId: 'wh-1', kinds: ['grant.decided'] })
      .thenThrows(NotFoundError);
  });
});
