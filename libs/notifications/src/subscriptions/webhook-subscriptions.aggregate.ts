import { defineAggregate, type DomainEvent } from '#libs/platform';
import type { Subscriber } from '../audience/audience.js';
import { decideChangeWebhook, type ChangeWebhook } from './change/change.decide.js';
import { decideDeleteWebhook, type DeleteWebhook } from './delete/delete.decide.js';
import { decidePauseWebhook, decideResumeWebhook, type PauseWebhook, type ResumeWebhook } from './pause/pause.decide.js';
import { decideSubscribeWebhook, type SubscribeWebhook } from './subscribe/subscribe.decide.js';

/**
 * The webhook subscriptions of one subscriber (an organisation, a governor office or the ministry): one stream
 * per subscriber org number, so the bound on their number holds under concurrent requests (the expected-version
 * check), and a subscriber only ever addresses its own. Each subscription counts its own changes (its ETag).
 */
export type WebhookCommand = SubscribeWebhook | ChangeWebhook | PauseWebhook | ResumeWebhook | DeleteWebhook;

export interface WebhookSettings {
  url: string;
  kinds: string[];
  scope: { office: string | null };
}

export type WebhookSubscribed = DomainEvent<
  'WebhookSubscribed',
  WebhookSettings & { subscriptionId: string; subscriber: Subscriber; secretVersion: number }
>;
export type WebhookChanged = DomainEvent<'WebhookChanged', WebhookSettings & { subscriptionId: string }>;
export type WebhookPaused = DomainEvent<'WebhookPaused', { subscriptionId: string }>;
export type WebhookResumed = DomainEvent<'WebhookResumed', { subscriptionId: string }>;
export type WebhookDeleted = DomainEvent<'WebhookDeleted', { subscriptionId: string }>;
export type WebhookEvent = WebhookSubscribed | WebhookChanged | WebhookPaused | WebhookResumed | WebhookDeleted;

export interface SubscriptionState extends WebhookSettings {
  subscriptionId: string;
  status: 'active' | 'paused' | 'deleted';
  /** The subscription's own events: its version (ETag). */
  changes: number;
}

export interface WebhookSubscriptionsState {
  subscriber: Subscriber | null;
  subscriptions: Record<string, SubscriptionState>;
}

export const initialWebhookSubscriptionsState: WebhookSubscriptionsState = { subscriber: null, subscriptions: {} };

const touch = (state: WebhookSubscriptionsState, id: string, change: Partial<SubscriptionState>): WebhookSubscriptionsState => {
  const s = state.subscriptions[id];
  return { ...state, subscriptions: { ...state.subscriptions, [id]: { ...s, ...change, changes: s.changes + 1 } } };
};

export function evolveWebhookSubscriptions(state: WebhookSubscriptionsState, event: WebhookEvent): WebhookSubscriptionsState {
  switch (event.type) {
    case 'WebhookSubscribed': {
      const { subscriptionId, url, kinds, scope, subscriber } = event.data;
      return {
        subscriber,
        subscriptions: { ...state.subscriptions, [subscriptionId]: { subscriptionId, url, kinds, scope, status: 'active', changes: 1 } },
      };
    }
    case 'WebhookChanged':
      return touch(state, event.data.subscriptionId, { url: event.data.url, kinds: event.data.kinds, scope: event.data.scope });
    case 'WebhookPaused':
      return touch(state, event.data.subscriptionId, { status: 'paused' });
    case 'WebhookResumed':
      return touch(state, event.data.subscriptionId, { status: 'active' });
    case 'WebhookDeleted':
      return touch(state, event.data.subscriptionId, { status: 'deleted' });
  }
}

export function decideWebhookSubscriptions(command: WebhookCommand, state: WebhookSubscriptionsState): WebhookEvent[] {
  switch (command.type) {
    case 'SubscribeWebhook':
      return decideSubscribeWebhook(command, state);
    case 'ChangeWebhook':
      return decideChangeWebhook(command, state);
    case 'PauseWebhook':
      return decidePauseWebhook(command, state);
    case 'ResumeWebhook':
      return decideResumeWebhook(command, state);
    case 'DeleteWebhook':
      return decideDeleteWebhook(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const WebhookSubscriptions = defineAggregate<WebhookCommand, WebhookSubscriptionsState, WebhookEvent>({
  name: 'WebhookSubscriptions',
  decider: { initialState: initialWebhookSubscriptionsState, evolve: evolveWebhookSubscriptions, decide: decideWebhookSubscriptions },
  eventTypes: { WebhookSubscribed: 1, WebhookChanged: 1, WebhookPaused: 1, WebhookResumed: 1, WebhookDeleted: 1 },
});

/** A subscription that exists and is not deleted, or NotFound (an id of another subscriber is not found either). */
export function liveSubscription(state: WebhookSubscriptionsState, id: string): SubscriptionState | null {
  const s = state.subscriptions[id];
  return s && s.status !== 'deleted' ? s : null;
}
