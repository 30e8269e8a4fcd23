import { inlineParams, type Sql } from '#libs/db';
import type { NamedKey } from './names.js';
import { OPEN_VERSION } from './history.js';
import { batchMemo, PipelinedSql } from './pipeline.js';

interface Named extends NamedKey {
  position: number;
}

interface Version {
  key: string;
  name: string;
  from: number;
  to: string;
}

/**
 * Names written as a set: each (key, name) an event tells is kept for the run, and before anything is read (and at
 * the end) the table and its history are written with one statement each, not one per event. The history follows
 * the trigger's rules (`history.ts`): a version is valid from its event's position, never before the version it
 * replaces, and the last one stays open. Outside a pipelined run (a test applying by hand) each name is written at
 * once and the trigger keeps the history.
 */
export async function writeName(sql: Sql, table: string, named: Named): Promise<void> {
  if (!(sql instanceof PipelinedSql)) {
    await sql.query(`INSERT INTO ${table} (key, name) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name`, [
      named.key,
      named.name,
    ]);
    return;
  }
  const pending = batchMemo<Named[]>(sql, `names:${table}`);
  let run = pending.get(table);
  if (!run) {
    pending.set(table, (run = []));
    const rows = run;
    sql.beforeSend(() => statements(table, rows.splice(0)));
  }
  run.push(named);
}

/** The versions per key, in the order told: positions never going back, a later word at the same position winning. */
function versionsOf(named: Named[]): Version[] {
  const byKey = new Map<string, Array<{ name: string; from: number }>>();
  for (const n of named) {
    const list = byKey.get(n.key) ?? byKey.set(n.key, []).get(n.key)!;
    const last = list[list.length - 1];
    const from = Math.max(n.position, last?.from ?? 0);
    if (last && last.from === from) last.name = n.name;
    else list.push({ name: n.name, from });
  }
  return [...byKey].flatMap(([key, list]) =>
    list.map((v, i) => ({ key, name: v.name, from: v.from, to: i + 1 < list.length ? String(list[i + 1].from) : OPEN_VERSION })),
  );
}

function statements(table: string, named: Named[]): string[] {
  if (named.length === 0) return [];
  const versions = versionsOf(named);
  const json = JSON.stringify(versions);
  const h = `${table}__history`;
  const v = `jsonb_to_recordset($1::jsonb) AS v(key text, name text, "from" bigint, "to" bigint)`;
  return [
    `SELECT set_config('dekomp.history', 'written', true)`,
    // Close each key's open version where its first new one starts (never before the open one's own start).
    inlineParams(
      `UPDATE ${h} h SET valid_to = greatest(f."from", h.valid_from)
         FROM (SELECT key, min("from") AS "from" FROM ${v} GROUP BY key) f
        WHERE h.key = f.key AND h.valid_to = ${OPEN_VERSION}`,
      [json],
    ),
    // The new versions, none before the point the old one was closed at.
    inlineParams(
      `INSERT INTO ${h} (key, name, valid_from, valid_to)
       SELECT v.key, v.name, greatest(v."from", c.at), CASE WHEN v."to" = ${OPEN_VERSION} THEN v."to" ELSE greatest(v."to", c.at) END
         FROM ${v}
         CROSS JOIN LATERAL (SELECT coalesce(max(h.valid_to), 0) AS at FROM ${h} h WHERE h.key = v.key) c
        WHERE v."to" = ${OPEN_VERSION} OR greatest(v."to", c.at) > greatest(v."from", c.at)`,
      [json],
    ),
    // A version closed at its own start was never valid.
    inlineParams(`DELETE FROM ${h} h USING (SELECT DISTINCT key FROM ${v}) k WHERE h.key = k.key AND h.valid_from = h.valid_to`, [json]),
    inlineParams(
      `INSERT INTO ${table} (key, name) SELECT v.key, v.name FROM ${v} WHERE v."to" = ${OPEN_VERSION}
       ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name`,
      [json],
    ),
    `SELECT set_config('dekomp.history', '', true)`,
  ];
}
