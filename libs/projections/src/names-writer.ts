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
  const h = `${table}__history`;
  const open = OPEN_VERSION;
  // One statement, the names once: the parts touch different rows, and all read the history as it stood before.
  //  at:      where each key's new versions may start (the open version's start, or the last close; 0 for a new key)
  //  closed:  an open version that started before the first new one ends there
  //  dropped: one that started at or after it was never valid on its own (the trigger's rule): it goes
  const write = `
    WITH v AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(key text, name text, "from" bigint, "to" bigint)),
    f AS (SELECT key, min("from") AS "from" FROM v GROUP BY key),
    c AS (SELECT f.key, coalesce(max(CASE WHEN h.valid_to = ${open} THEN h.valid_from ELSE h.valid_to END), 0) AS at
            FROM f LEFT JOIN ${h} h ON h.key = f.key GROUP BY f.key),
    closed AS (UPDATE ${h} h SET valid_to = f."from" FROM f
                WHERE h.key = f.key AND h.valid_to = ${open} AND h.valid_from < f."from"),
    dropped AS (DELETE FROM ${h} h USING f WHERE h.key = f.key AND h.valid_to = ${open} AND h.valid_from >= f."from"),
    added AS (INSERT INTO ${h} (key, name, valid_from, valid_to)
              SELECT v.key, v.name, greatest(v."from", c.at), CASE WHEN v."to" = ${open} THEN v."to" ELSE greatest(v."to", c.at) END
                FROM v JOIN c USING (key)
               WHERE v."to" = ${open} OR greatest(v."to", c.at) > greatest(v."from", c.at))
    INSERT INTO ${table} (key, name) SELECT key, name FROM v WHERE "to" = ${open}
    ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name`;
  return [
    `SELECT set_config('dekomp.history', 'written', true)`,
    inlineParams(write, [JSON.stringify(versionsOf(named))]),
    `SELECT set_config('dekomp.history', '', true)`,
  ];
}
