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
  {
    // The append as a PL/pgSQL function: its plan is prepared once per session instead of on every group
    // commit (planning the statement cost more than running it). Same statement, same checks.
    name: '0002-append-events-function',
    async up(sql) {
      await sql.exec(`
        CREATE FUNCTION append_events(input_rows jsonb, event_rows jsonb)
          RETURNS TABLE (idx int, global_position bigint, stream_version int) LANGUAGE plpgsql AS $$
        #variable_conflict use_column
        BEGIN
          RETURN QUERY
          WITH input AS (
            SELECT * FROM jsonb_to_recordset(input_rows) AS i(idx int, stream_id text, mode text, expected int, n int)
          ), exact AS (
            UPDATE streams s SET version = s.version + i.n FROM input i
             WHERE i.mode = 'exact' AND s.stream_id = i.stream_id AND s.version = i.expected
            RETURNING i.idx, s.version
          ), fresh AS (
            INSERT INTO streams (stream_id, version) SELECT stream_id, n FROM input WHERE mode = 'no_stream'
            ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id, version
          ), anyv AS (
            INSERT INTO streams AS st (stream_id, version) SELECT stream_id, n FROM input WHERE mode = 'any'
            ON CONFLICT (stream_id) DO UPDATE SET version = st.version + EXCLUDED.version RETURNING stream_id, version
          ), ok AS (
            SELECT idx, version FROM exact
            UNION ALL SELECT i.idx, f.version FROM fresh f JOIN input i ON i.stream_id = f.stream_id AND i.mode = 'no_stream'
            UNION ALL SELECT i.idx, a.version FROM anyv a JOIN input i ON i.stream_id = a.stream_id AND i.mode = 'any'
          ), ins AS (
            INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
            SELECT (e.value->>'id')::uuid, i.stream_id, ok.version - i.n + e.ord::int, e.value->>'type',
                   (e.value->>'schemaVersion')::int, e.value->'data', e.value->'metadata'
              FROM ok JOIN input i USING (idx)
              CROSS JOIN LATERAL jsonb_array_elements(event_rows -> ok.idx) WITH ORDINALITY AS e(value, ord)
             ORDER BY ok.idx, e.ord
            RETURNING stream_id, global_position, stream_version
          )
          SELECT i.idx, ins.global_position, ins.stream_version FROM ins JOIN input i ON i.stream_id = ins.stream_id;
        END $$;
      `);
    },
  },
  {
    // The last event of given types, for a command that waits only for the read models it reads (lastCheckpointOf).
    name: '0003-events-by-type',
    async up(sql) {
      await sql.exec(`CREATE INDEX events_by_type ON events (type, global_position);`);
    },
  },
];
