import { randomBytes } from 'node:crypto';
import type { Migration } from '#libs/db';

/**
 * The webhook outbox lives outside the read-model schemas on purpose: a rebuild of the `webhooks` read model
 * replays the log and re-inserts the same delivery ids (ON CONFLICT DO NOTHING), so delivery state (sent, dead,
 * attempts) survives rebuilds and nothing is sent twice under a new id.
 */
export const notificationsMigrations: Migration[] = [
  {
    name: '0600-webhook-outbox',
    async up(sql) {
      await sql.exec(`
        CREATE TABLE webhook_deliveries (
          delivery_id text PRIMARY KEY,          -- stable: derived from (subscription, event id)
          subscription_id text NOT NULL,
          kind text NOT NULL,
          event_type text NOT NULL,
          position bigint NOT NULL,
          occurred_at timestamptz NOT NULL,
          data jsonb NOT NULL,
          status text NOT NULL DEFAULT 'pending', -- pending | delivered | dead
          attempts integer NOT NULL DEFAULT 0,    -- every attempt (and claim), ever
          failures integer NOT NULL DEFAULT 0,    -- consecutive failures since the last success or replay
          next_attempt_at timestamptz NOT NULL,   -- also the lease of a claimed row
          last_status_code integer,
          last_error text,
          replays integer NOT NULL DEFAULT 0,
          created_at timestamptz NOT NULL DEFAULT now(),
          delivered_at timestamptz,
          dead_at timestamptz
        );
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, status, position);
        CREATE TABLE webhook_attempts (
          id bigserial PRIMARY KEY,
          delivery_id text NOT NULL REFERENCES webhook_deliveries (delivery_id),
          attempt integer NOT NULL,
          attempted_at timestamptz NOT NULL,
          status_code integer,
          error text,
          duration_ms integer NOT NULL
        );
        CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, attempt);
        CREATE TABLE webhook_signing_key (id integer PRIMARY KEY CHECK (id = 1), key text NOT NULL);`);
      // The key every subscription's secret is derived from (HMAC of the subscription id): generated once here.
      await sql.query('INSERT INTO webhook_signing_key (id, key) VALUES (1, $1)', [randomBytes(32).toString('base64')]);
    },
  },
];
