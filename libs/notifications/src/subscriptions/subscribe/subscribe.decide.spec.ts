import { ConflictError, ForbiddenError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { MAX_SUBSCRIPTIONS } from '../subscription.rules.js';
import { WebhookSubscriptions } from '../webhook-subscriptions.aggregate.js';
import { GOVERNOR, MINISTRY, subscribe, subscribed, UNIVERSITY } from '../webhook.spec-fixtures.js';

const spec = deciderSpec(WebhookSubscriptions.decider);

describe('subscribe a webhook', () => {
  it('Given nothing, When a school owner subscribes, Then WebhookSubscribed with secret version 1', () => {
    spec.given([]).when(subscribe()).then([subscribed()]);
  });

  it('Given the same id, Then a conflict', () => {
    spec.given([subscribed()]).when(subscribe()).thenThrows(ConflictError);
  });

  it('url: only absolute http(s), without credentials or fragment', () => {
    spec
      .given([])
      .when(subscribe({ url: 'ftp://example.org/x' }))
      .thenViolates('url', 'url');
    spec
      .given([])
      .when(subscribe({ url: 'https://user:pw@example.org/x' }))
      .thenViolates('url', 'url');
    spec
      .given([])
      .when(subscribe({ url: 'example.org/hook' }))
      .thenViolates('url', 'url');
    spec
      .given([])
      .when(subscribe({ url: 'http://127.0.0.1:8080/hook' }))
      .then([subscribed({ url: 'http://127.0.0.1:8080/hook' })]);
  });

  it('kinds: known, once each, at least one', () => {
    spec
      .given([])
      .when(subscribe({ kinds: ['grant.decided', 'grant.decided'] }))
      .thenViolates('kinds', 'kinds[1]');
    spec
      .given([])
      .when(subscribe({ kinds: ['grant.exploded'] }))
      .thenViolates('kinds', 'kinds[0]');
    spec
      .given([])
      .when(subscribe({ kinds: [] }))
      .thenViolates('kinds', 'kinds');
  });

  it('R20: a university does not see calls; scope.office only where the subscriber sees', () => {
    spec
      .given([])
      .when(subscribe({ subscriber: UNIVERSITY, kinds: ['call.opened'] }))
      .thenThrows(/kinds\[0\]: call.opened is not visible to university/);
    spec
      .given([])
      .when(subscribe({ scope: { office: 'AGDER' } }))
      .thenThrows(ForbiddenError);
    spec
      .given([])
      .when(subscribe({ subscriber: GOVERNOR, scope: { office: 'AGDER' } }))
      .thenThrows(/scope.office/);
    spec
      .given([])
      .when(subscribe({ subscriber: GOVERNOR, scope: { office: 'ROGALAND' } }))
      .then([subscribed({ subscriber: GOVERNOR, scope: { office: 'ROGALAND' } })]);
    spec
      .given([])
      .when(subscribe({ subscriber: MINISTRY, scope: { office: 'AGDER' } }))
      .then([subscribed({ subscriber: MINISTRY, scope: { office: 'AGDER' } })]);
    spec
      .given([])
      .when(subscribe({ scope: { office: 'ROGALAND' } }))
      .then([subscribed({ scope: { office: 'ROGALAND' } })]);
  });

  it(`at most ${MAX_SUBSCRIPTIONS} live subscriptions; a deleted one does not count`, () => {
    const full = Array.from({ length: MAX_SUBSCRIPTIONS }, (_, i) => subscribed({ subscriptionId: `wh-${i + 10}` }));
    spec.given(full).when(subscribe()).thenViolates('maxSubscriptions', 'subscriptions');
    spec
      .given([...full, { type: 'WebhookDeleted', data: { subscriptionId: 'wh-10' } }])
      .when(subscribe())
      .then([subscribed()]);
  });
});
