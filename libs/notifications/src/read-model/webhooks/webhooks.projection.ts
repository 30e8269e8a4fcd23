import { createHash } from 'node:crypto';
import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { upcast } from '#libs/platform';
import type { Projection } from '#libs/projections';
import { audienceOf, matches, type Subscriber, type SubscriptionFilter } from '../../audience/audience.js';
import { KIND_INFO, PUBLISHED_EVENT_TYPES } from '../../kinds.js';
import { WebhookSubscriptions, type WebhookEvent } from '../../subscriptions/webhook-subscriptions.aggregate.js';
import { FACT_SCHEMA, FACT_TYPES, factsFor, payloadOf, rememberFact } from './notice-facts.js';
import { readPublished } from './published-events.js';
import { json } from './sql-values.js';

/** The stable id of one event's delivery to one subscription: the same on every retry, rebuild and process. */
export function deliveryIdOf(subscriptionId: string, eventId: string): string {
  const h = createHash('sha256').update(`${subscriptionId}\n${eventId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Webhook subscriptions (for their GET routes and the delivery worker) and the transactional outbox: for every
 * published event, one row per subscription that may see it (R20: audienceOf / matches), written in the
 * projection engine's batch, so exactly once with the read model's checkpoint. The outbox table itself is a
 * migration's (public.webhook_deliveries), so a rebuild re-inserts the same ids and sends nothing again.
 * Version 2 added letter.issued and appeal.outcome (and their facts): its rebuild queues them for the events
 * after a subscription that named them (while they were reserved), once each; nothing else is sent again.
 */
export const webhooksProjection: Projection = {
  name: 'webhooks',
  version: 3,
  schema: `
    CREATE TABLE webhook_subscriptions (
      subscription_id text PRIMARY KEY,
      subscriber_role text NOT NULL,
      subscriber_org text NOT NULL,
      subscriber_office text,
      home_office text,
      url text NOT NULL,
      kinds jsonb NOT NULL,
      scope_office text,
      status text NOT NULL,
      secret_version integer NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX webhook_subscriptions_by_org ON webhook_subscriptions (subscriber_org);${FACT_SCHEMA}`,
  handles: [...Object.keys(WebhookSubscriptions.eventTypes), ...PUBLISHED_EVENT_TYPES, ...FACT_TYPES],
  async apply(stored, sql) {
    if (stored.type in WebhookSubscriptions.eventTypes) return applySubscription(upcast(WebhookSubscriptions, stored), stored, sql);
    const e = readPublished(stored);
    if (FACT_TYPES.includes(e.type)) return rememberFact(e, sql);
    return queueDeliveries(stored, e, sql);
  },
};

interface SubscriptionRow {
  subscription_id: string;
  subscriber_role: Subscriber['role'];
  subscriber_org: string;
  subscriber_office: string | null;
  home_office: string | null;
  kinds: unknown;
  scope_office: string | null;
}

async function queueDeliveries(stored: StoredEvent, e: { type: string; data: unknown }, sql: Sql): Promise<void> {
  const facts = await factsFor(e, sql);
  const notices = audienceOf(e, facts);
  if (notices.length === 0) return;
  const subs = await sql.query<SubscriptionRow>(
    `SELECT subscription_id, subscriber_role, subscriber_org, subscriber_office, home_office, kinds, scope_office FROM webhook_subscriptions WHERE status = 'active'`,
  );
  for (const notice of notices) {
    // A second notice of the event (letter.issued of a decision): its own id, as stable as the first's.
    const key = KIND_INFO[notice.kind].secondary ? `${stored.id}:${notice.kind}` : stored.id;
    const data = JSON.stringify(payloadOf(notice, e, facts));
    for (const s of subs.rows) {
      const filter: SubscriptionFilter = {
        subscriber: { role: s.subscriber_role, org: s.subscriber_org, office: s.subscriber_office, homeOffice: s.home_office },
        kinds: json<string[]>(s.kinds),
        scope: { office: s.scope_office },
        status: 'active',
      };
      if (!matches(filter, notice.kind, notice.audience)) continue;
      await sql.query(
        `INSERT INTO public.webhook_deliveries (delivery_id, subscription_id, kind, event_type, position, occurred_at, data, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $6) ON CONFLICT (delivery_id) DO NOTHING`,
        [
          deliveryIdOf(s.subscription_id, key),
          s.subscription_id,
          notice.kind,
          e.type,
          stored.globalPosition,
          stored.metadata.recordedAt,
          data,
        ],
      );
    }
  }
}

async function applySubscription(e: WebhookEvent, stored: StoredEvent, sql: Sql): Promise<void> {
  const at = stored.metadata.recordedAt;
  const id = e.data.subscriptionId;
  switch (e.type) {
    case 'WebhookSubscribed': {
      const d = e.data;
      await sql.query(
        `INSERT INTO webhook_subscriptions (subscription_id, subscriber_role, subscriber_org, subscriber_office, home_office, url, kinds, scope_office, status, secret_version, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, 'active', $9, $10, $10, 1)`,
        [
          id,
          d.subscriber.role,
          d.subscriber.org,
          d.subscriber.office,
          d.subscriber.homeOffice,
          d.url,
          JSON.stringify(d.kinds),
          d.scope.office,
          d.secretVersion,
          at,
        ],
      );
      return;
    }
    case 'WebhookChanged':
      await sql.query(
        `UPDATE webhook_subscriptions SET url = $2, kinds = $3::jsonb, scope_office = $4, updated_at = $5, version = version + 1 WHERE subscription_id = $1`,
        [id, e.data.url, JSON.stringify(e.data.kinds), e.data.scope.office, at],
      );
      return;
    case 'WebhookPaused':
    case 'WebhookResumed':
    case 'WebhookDeleted': {
      const status = e.type === 'WebhookPaused' ? 'paused' : e.type === 'WebhookResumed' ? 'active' : 'deleted';
      await sql.query(`UPDATE webhook_subscriptions SET status = $2, updated_at = $3, version = version + 1 WHERE subscription_id = $1`, [
        id,
        status,
        at,
      ]);
      return;
    }
  }
}
