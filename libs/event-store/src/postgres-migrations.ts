import type { Migration } from '#libs/db';

/** Schema of the PostgreSQL event store. Append-only: nothing here is ever updated but `streams.version`. */
/**
 * Idempotency records of commands. In the read-model database whatever the event store: with the PostgreSQL
 * store they commit in the same transaction as the events.
 */
export const idempotencyMigrations: Migration[] = [
  {
    name: '0000-idempotency-keys',
    async up(sql) {
      await sql.exec(`
        CREATE TABLE idempotency_keys (
          key text PRIMARY KEY,
          request_hash text NOT NULL,
          response jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        );`);
    },
  },
];

export const eventStoreMigrations: Migration[] = [
  {
    name: '0001-event-store',
    async up(sql) {
      await sql.exec(`
        CREATE TABLE events (
          global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          -- the writing transaction: readers only pass events of transactions older than every open one
          transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
          event_id uuid NOT NULL UNIQUE,
          stream_id text NOT NULL,
          stream_version integer NOT NULL,
          type text NOT NULL,
          schema_version integer NOT NULL DEFAULT 1,
          data jsonb NOT NULL,
          metadata jsonb NOT NULL,
          recorded_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (stream_id, stream_version)
        );
        CREATE INDEX events_read_order ON events (transaction_id, global_position);
        CREATE INDEX events_recorded_at ON events (recorded_at);
        CREATE TABLE streams (
          stream_id text PRIMARY KEY,
          version integer NOT NULL
        );
        CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'events are append-only (R21): % refused', TG_OP; END $$;
        CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
          FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
      `);
    },
  },
];
