import type { Sql, SqlClient } from '#libs/db';

/**
 * Every read-model table keeps its past (R21, `?asOf=`): beside each table `t` of a read model's schema a table
 * `t__history` holds every version of every row with the global positions it was valid from and to, written by a
 * trigger on `t` as the read model applies events (the engine sets `dekomp.position` to the event being applied).
 * A past moment is then a `WHERE` on those positions: the schema `<schema>__asof` has a view `t` over `t__history`
 * for each table, filtered by `dekomp.as_of`, so a read model's queries run unchanged against the past.
 *
 * A version is valid from the position of the event that made it, but never before the version it replaces (two
 * appends that commit out of position order): so a past moment never shows a change before its own position.
 */

/** valid_to of a version still valid. */
export const OPEN_VERSION = '9223372036854775807';

/** The as-of schema of a read-model schema. */
export const asOfSchemaOf = (schema: string): string => `${schema}__asof`;

interface TableShape {
  table: string;
  columns: string[];
  key: string[];
  indexes: string[];
}

async function tablesOf(sql: Sql, schema: string): Promise<TableShape[]> {
  const r = await sql.query<TableShape>(
    `SELECT c.relname AS table,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS columns,
            array(SELECT a.attname::text FROM pg_index i
                    JOIN unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) ON true
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                   WHERE i.indrelid = c.oid AND i.indisprimary ORDER BY k.ord) AS key,
            array(SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                   WHERE i.indrelid = c.oid AND NOT i.indisprimary ORDER BY i.indexrelid) AS indexes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname NOT LIKE '%\\_\\_history'
      ORDER BY c.relname`,
    [schema],
  );
  return r.rows;
}

const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The DDL that gives one table its history: the history table, its indexes, the trigger that writes it. */
function historyDdl(schema: string, t: TableShape): string {
  if (t.key.length === 0) throw new Error(`read-model table ${schema}.${t.table} needs a primary key to keep its history`);
  const h = q(`${t.table}__history`);
  const fn = q(`${t.table}__track`);
  const keyOf = (row: string) => t.key.map((k) => `${q(k)} = ${row}.${q(k)}`).join(' AND ');
  const same = t.columns.map(q).join(', ');
  const newRow = t.columns.map((c) => `NEW.${q(c)}`).join(', ');
  // Secondary indexes of the live table serve the same queries in the past (not unique there: many versions).
  const indexes = t.indexes.map((def, i) => {
    const using = / USING (.*)$/s.exec(def);
    if (!using) throw new Error(`cannot read index ${def}`);
    return `CREATE INDEX ${q(`${t.table}__h${i + 1}`)} ON ${schema}.${h} USING ${using[1]};`;
  });
  // Unqualified names inside the function: it runs with the read model's search_path, live or shadow (rebuild).
  return `
    CREATE TABLE ${schema}.${h} (LIKE ${schema}.${q(t.table)}, valid_from bigint NOT NULL, valid_to bigint NOT NULL DEFAULT ${OPEN_VERSION});
    INSERT INTO ${schema}.${h} SELECT t.*, 0 FROM ${schema}.${q(t.table)} t;
    CREATE INDEX ${q(`${t.table}__h_key`)} ON ${schema}.${h} (${t.key.map(q).join(', ')}, valid_from);
    ${indexes.join('\n    ')}
    CREATE FUNCTION ${schema}.${fn}() RETURNS trigger LANGUAGE plpgsql AS $track$
    DECLARE
      pos bigint := nullif(current_setting('dekomp.position', true), '')::bigint;
      opened bigint;
    BEGIN
      IF current_setting('dekomp.history', true) = 'written' THEN
        RETURN NULL; -- a set-based writer writes this table's history itself (names-writer.ts)
      END IF;
      IF pos IS NULL THEN
        RAISE EXCEPTION 'read-model table % is written only while the projection engine applies an event (dekomp.position unset)', TG_TABLE_NAME;
      END IF;
      IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
        RETURN NULL;
      END IF;
      IF TG_OP <> 'INSERT' THEN
        UPDATE ${h} SET valid_to = greatest(pos, valid_from) WHERE ${keyOf('OLD')} AND valid_to = ${OPEN_VERSION} RETURNING valid_from INTO opened;
        IF opened >= pos THEN
          -- Replaced at its own position (a second write by the same event, or a later one applied earlier): drop it.
          DELETE FROM ${h} WHERE ${keyOf('OLD')} AND valid_from = opened AND valid_to = opened;
          pos := opened;
        END IF;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        IF TG_OP = 'INSERT' THEN
          SELECT greatest(pos, max(valid_to)) INTO pos FROM ${h} WHERE ${keyOf('NEW')};
          -- Deleted and inserted again, unchanged, by the same event (a read model that recomputes rows): keep it.
          UPDATE ${h} SET valid_to = ${OPEN_VERSION}
           WHERE ${keyOf('NEW')} AND valid_to = pos AND (${same}) IS NOT DISTINCT FROM (${newRow});
          IF FOUND THEN
            RETURN NULL;
          END IF;
        END IF;
        INSERT INTO ${h} SELECT (NEW).*, pos;
      END IF;
      RETURN NULL;
    END $track$;
    CREATE TRIGGER ${fn} AFTER INSERT OR UPDATE OR DELETE ON ${schema}.${q(t.table)} FOR EACH ROW EXECUTE FUNCTION ${schema}.${fn}();`;
}

/** Gives every table of `schema` (just created from a read model's DDL) its history table and trigger. */
export async function addHistory(tx: Sql, schema: string): Promise<void> {
  const tables = await tablesOf(tx, schema);
  if (tables.length > 0) await tx.exec(tables.map((t) => historyDdl(schema, t)).join('\n'));
}

/**
 * (Re)creates `<schema>__asof`: for each table of the live read model a view of its rows as they stood at
 * `dekomp.as_of`. Views depend on the live tables, so a rebuild's swap (which drops the old schema) recreates them.
 */
export async function createAsOfViews(tx: Sql, schema: string): Promise<void> {
  const asOf = asOfSchemaOf(schema);
  const at = `current_setting('dekomp.as_of')::bigint`;
  const tables = await tablesOf(tx, schema);
  const views = tables.map(
    (t) =>
      `CREATE VIEW ${asOf}.${q(t.table)} AS SELECT ${t.columns.map(q).join(', ')} FROM ${schema}.${q(`${t.table}__history`)}
         WHERE valid_from <= ${at} AND valid_to > ${at};`,
  );
  await tx.exec(`DROP SCHEMA IF EXISTS ${asOf} CASCADE; CREATE SCHEMA ${asOf};\n${views.join('\n')}`);
}

/** Creates the as-of views of a live read-model schema once (under a lock: several processes may start together). */
export function ensureAsOfViews(sql: SqlClient, schema: string): Promise<void> {
  return sql.transaction(async (tx) => {
    await lockAsOfViews(tx, schema);
    const r = await tx.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [asOfSchemaOf(schema)]);
    if (r.rows.length === 0) await createAsOfViews(tx, schema);
  });
}

/** Serialises the creation of a schema's as-of views (start-up, a rebuild's swap) across processes. */
export async function lockAsOfViews(tx: Sql, schema: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dekomp.asof.' || $1))`, [schema]);
}
