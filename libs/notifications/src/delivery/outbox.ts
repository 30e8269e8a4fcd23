import type { Sql } from '#libs/db';
import { backoffMs } from './signature.js';
import type { DeliverySettings } from './delivery-settings.js';

/** A claimed outbox row with what sending it needs. */
export interface ClaimedDelivery {
  deliveryId: string;
  subscriptionId: string;
  url: string;
  secretVersion: number;
  kind: string;
  eventType: string;
  position: number;
  occurredAt: string;
  data: unknown;
  /** This attempt's number (the claim). */
  attempt: number;
  failures: number;
}

/**
 * Claims due rows of active subscriptions: FOR UPDATE SKIP LOCKED, so concurrent workers (other processes) take
 * other rows, and the claim moves `next_attempt_at` a lease ahead, so nobody else sends a row while it is out.
 * A process that dies mid-send leaves the row to be sent again, with the same id, after the lease.
 */
export async function claimDue(sql: Sql, now: Date, s: DeliverySettings): Promise<ClaimedDelivery[]> {
  const r = await sql.query<ClaimedDelivery & { position: string | number; occurredAt: Date | string }>(
    `WITH due AS (
       SELECT d.delivery_id FROM public.webhook_deliveries d
       JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id AND s.status = 'active'
       WHERE d.status = 'pending' AND d.next_attempt_at <= $1
       ORDER BY d.position LIMIT $3
       FOR UPDATE OF d SKIP LOCKED)
     UPDATE public.webhook_deliveries d SET next_attempt_at = $2, attempts = d.attempts + 1
     FROM due, webhook_subscriptions s
     WHERE d.delivery_id = due.delivery_id AND s.subscription_id = d.subscription_id
     RETURNING d.delivery_id AS "deliveryId", d.subscription_id AS "subscriptionId", s.url, s.secret_version AS "secretVersion", d.kind,
       d.event_type AS "eventType", d.position, d.occurred_at AS "occurredAt", d.data, d.attempts AS attempt, d.failures`,
    [now, new Date(now.getTime() + s.leaseMs), s.batchSize],
  );
  return r.rows
    .map((row) => ({
      ...row,
      position: Number(row.position),
      occurredAt: new Date(row.occurredAt).toISOString(),
      data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
    }))
    .sort((a, b) => a.position - b.position);
}

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** Interrupted by our own shutdown: not the receiver's failure; due again at once. */
  interrupted: boolean;
}

/**
 * Records an attempt and its consequence: delivered; due again after the backoff; or, after maxAttempts
 * consecutive failures, dead (a dead letter). Only while the row is still this claim's (a claim whose lease ran
 * out and was taken again records its attempt, but leaves the row to the newer claim).
 */
export async function recordAttempt(sql: Sql, d: ClaimedDelivery, r: AttemptResult, at: Date, s: DeliverySettings): Promise<void> {
  await sql.query(
    `INSERT INTO public.webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
    [d.deliveryId, d.attempt, at, r.statusCode, r.error, r.durationMs],
  );
  const mine = `delivery_id = $1 AND attempts = $2 AND status = 'pending'`;
  if (r.ok) {
    await sql.query(
      `UPDATE public.webhook_deliveries SET status = 'delivered', delivered_at = $3, failures = 0, last_status_code = $4, last_error = NULL WHERE ${mine}`,
      [d.deliveryId, d.attempt, at, r.statusCode],
    );
    return;
  }
  if (r.interrupted) {
    await sql.query(`UPDATE public.webhook_deliveries SET next_attempt_at = $3, last_error = $4 WHERE ${mine}`, [
      d.deliveryId,
      d.attempt,
      at,
      r.error,
    ]);
    return;
  }
  const failures = d.failures + 1;
  const dead = failures >= s.maxAttempts;
  await sql.query(
    `UPDATE public.webhook_deliveries SET failures = $3, last_status_code = $4, last_error = $5,
       status = CASE WHEN $6::boolean THEN 'dead' ELSE 'pending' END, dead_at = CASE WHEN $6::boolean THEN $7::timestamptz ELSE NULL END,
       next_attempt_at = $8 WHERE ${mine}`,
    [
      d.deliveryId,
      d.attempt,
      failures,
      r.statusCode,
      r.error,
      dead,
      at,
      new Date(at.getTime() + backoffMs(failures, s.backoffMs, s.maxBackoffMs)),
    ],
  );
}
