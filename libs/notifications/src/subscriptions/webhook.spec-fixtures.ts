import type { Subscriber } from '../audience/audience.js';
import type { WebhookSubscribed } from './webhook-subscriptions.aggregate.js';
import type { SubscribeWebhook } from './subscribe/subscribe.decide.js';

export const OWNER: Subscriber = { role: 'school_owner', org: '964965226', office: null, homeOffice: 'ROGALAND' };
export const UNIVERSITY: Subscriber = { role: 'university', org: '971564679', office: null, homeOffice: 'ROGALAND' };
export const GOVERNOR: Subscriber = { role: 'governor', org: '974763230', office: 'ROGALAND', homeOffice: 'ROGALAND' };
export const MINISTRY: Subscriber = { role: 'ministry', org: '972417750', office: null, homeOffice: null };

export const subscribe = (over: Partial<SubscribeWebhook> = {}): SubscribeWebhook => ({
  type: 'SubscribeWebhook',
  subscriptionId: 'wh-1',
  subscriber: OWNER,
  url: 'https://hooks.stavanger.kommune.no/dekomp',
  kinds: ['call.opened', 'grant.decided'],
  scope: { office: null },
  ...over,
});

export const subscribed = (over: Partial<SubscribeWebhook> = {}): WebhookSubscribed => {
  const { type: _type, ...c } = subscribe(over);
  return { type: 'WebhookSubscribed', data: { ...c, secretVersion: 1 } };
};
