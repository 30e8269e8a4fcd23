import { Inject, Injectable } from '@nestjs/common';
import type { SqlClient } from '#libs/db';
import { NotFoundError, type Actor } from '#libs/kernel';
import { Page, queryPage, type PageRequest } from '#libs/http';
import { SQL_CLIENT, Versioned } from '#libs/platform';
import { iso, isoOrNull, json } from './sql-values.js';
import type { DeliveryAttemptView, DeliveryView, DeliveryWithAttemptsView, WebhookView } from './webhooks.view.js';

const SUBSCRIPTION = `SELECT subscription_id AS "subscriptionId", url, kinds, scope_office AS "scopeOffice", status, subscriber_role AS role, subscriber_org AS org,
  subscriber_office AS office, home_office AS "homeOffice", created_at AS "createdAt", updated_at AS "updatedAt", version FROM webhook_subscriptions`;
/** R20: a subscriber sees only its own subscriptions (and never a deleted one). */
const OWN = `subscriber_org = $1 AND subscriber_role = $2 AND status <> 'deleted'`;

type SubscriptionRow = Omit<WebhookView, 'scope' | 'subscriber'> & {
  scopeOffice: string | null;
  role: string;
  org: string;
  office: string | null;
  homeOffice: string | null;
};

const toView = (r: SubscriptionRow): WebhookView => ({
  subscriptionId: r.subscriptionId,
  url: r.url,
  kinds: json<string[]>(r.kinds),
  scope: { office: r.scopeOffice },
  status: r.status,
  subscriber: { role: r.role, org: r.org, office: r.office, homeOffice: r.homeOffice },
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  version: r.version,
});

const DELIVERY = `SELECT delivery_id AS "deliveryId", kind, event_type AS event, position, occurred_at AS "occurredAt", status, attempts,
  last_status_code AS "lastStatusCode", last_error AS "lastError", next_attempt_at AS "nextAttemptAt", delivered_at AS "deliveredAt", dead_at AS "deadAt", replays, data
  FROM public.webhook_deliveries`;

const toDelivery = (r: DeliveryView): DeliveryView => ({
  ...r,
  position: Number(r.position),
  occurredAt: iso(r.occurredAt),
  nextAttemptAt: r.status === 'pending' ? isoOrNull(r.nextAttemptAt) : null,
  deliveredAt: isoOrNull(r.deliveredAt),
  deadAt: isoOrNull(r.deadAt),
  data: json(r.data),
});

/** The webhooks read model and the outbox, for their owner only. */
@Injectable()
export class WebhookQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  /** The actor's subscriptions, oldest first. */
  async list(actor: Actor, page: PageRequest): Promise<Page<WebhookView>> {
    const rows = await queryPage<SubscriptionRow>(this.sql, page, {
      select: `${SUBSCRIPTION} WHERE ${OWN}`,
      params: [actor.org, actor.role],
      key: [
        { expr: '"createdAt"', type: 'timestamptz' },
        { expr: '"subscriptionId"', type: 'text' },
      ],
    });
    return rows.map(toView);
  }

  /** One of the actor's subscriptions; another subscriber's is not found (404), so ids do not leak. */
  async get(actor: Actor, id: string): Promise<Versioned<WebhookView>> {
    const row = (
      await this.sql.query<SubscriptionRow>(`${SUBSCRIPTION} WHERE ${OWN} AND subscription_id = $3`, [actor.org, actor.role, id])
    ).rows[0];
    if (!row) throw new NotFoundError('webhook', id);
    return new Versioned(toView(row), row.version);
  }

  /** A subscription's deliveries, newest first (by position, then delivery id). */
  async deliveries(actor: Actor, id: string, status: string | undefined, page: PageRequest): Promise<Page<DeliveryView>> {
    await this.get(actor, id);
    const rows = await queryPage<DeliveryView>(this.sql, page, {
      select: `${DELIVERY} WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)`,
      params: [id, status ?? null],
      key: [
        { expr: 'position', type: 'bigint', desc: true },
        { expr: '"deliveryId"', type: 'text', desc: true },
      ],
    });
    return rows.map(toDelivery);
  }

  async delivery(actor: Actor, id: string, deliveryId: string): Promise<DeliveryWithAttemptsView> {
    await this.get(actor, id);
    const row = (await this.sql.query<DeliveryView>(`${DELIVERY} WHERE subscription_id = $1 AND delivery_id = $2`, [id, deliveryId]))
      .rows[0];
    if (!row) throw new NotFoundError('delivery', deliveryId);
    const attempts = await this.sql.query<DeliveryAttemptView>(
      `SELECT attempt, attempted_at AS "attemptedAt", status_code AS "statusCode", error, duration_ms AS "durationMs" FROM public.webhook_attempts WHERE delivery_id = $1 ORDER BY id`,
      [deliveryId],
    );
    return { ...toDelivery(row), attemptLog: attempts.rows.map((a) => ({ ...a, attemptedAt: iso(a.attemptedAt) })) };
  }
}
