import { inlineParams, type Sql } from '#libs/db';
import { OPEN_VERSION } from './history.js';
import { batchMemo, PipelinedSql } from './pipeline.js';

/**
 * A read-model table whose rows every event writes whole (an upsert by key): its rows and their history can be
 * written as a set. `columns` are all of the table's columns with their SQL types; `keep` are those an update
 * leaves as the first write set them (a registration time). Only for a table that no write of the read model
 * reads (a held `INSERT … SELECT` from it would not see the rows still in memory); its reads and queries see them.
 */
export interface WholeRowTable {
  table: string;
  key: readonly string[];
  columns: Readonly<Record<string, string>>;
  keep?: readonly string[];
}

type Row = Record<string, unknown>;

interface Version {
  row: Row;
  from: number;
  to: string;
}

/**
 * Writes a whole row as told by the event at `position`. In a pipelined run the rows wait in memory, and before
 * anything is read (and at the end) the table and its history are written in one statement, with the trigger's
 * rules (`history.ts`): a version is valid from its event's position, never before the version it replaces, and
 * the last one stays open. Outside a pipelined run (a test applying by hand) the row is upserted at once and the
 * trigger keeps the history.
 */
export async function writeWholeRow(sql: Sql, t: WholeRowTable, row: Row, position: number): Promise<void> {
  if (!(sql instanceof PipelinedSql)) {
    const names = Object.keys(t.columns);
    await sql.query(
      `INSERT INTO ${t.table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) ${onConflict(t)}`,
      names.map((c) => row[c] ?? null),
    );
    return;
  }
  const pending = batchMemo<Array<{ row: Row; position: number }>>(sql, 'whole-rows');
  let run = pending.get(t.table);
  if (!run) {
    pending.set(t.table, (run = []));
    const rows = run;
    sql.beforeSend(() => statements(t, rows.splice(0)));
  }
  run.push({ row, position });
}

function onConflict(t: WholeRowTable): string {
  const set = Object.keys(t.columns).filter((c) => !t.key.includes(c) && !(t.keep ?? []).includes(c));
  return `ON CONFLICT (${t.key.join(', ')}) DO ${set.length ? `UPDATE SET ${set.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}` : 'NOTHING'}`;
}

/** The versions per key, in the order told: positions never going back, a later write at the same position winning. */
function versionsOf(t: WholeRowTable, told: Array<{ row: Row; position: number }>): Version[] {
  const byKey = new Map<string, Array<{ row: Row; from: number }>>();
  for (const { row, position } of told) {
    const key = JSON.stringify(t.key.map((k) => row[k]));
    const list = byKey.get(key) ?? byKey.set(key, []).get(key)!;
    const last = list[list.length - 1];
    const from = Math.max(position, last?.from ?? 0);
    // A kept column stays as the run's first write set it (the table's own value wins in SQL when there is one).
    const kept = list[0] ? Object.fromEntries((t.keep ?? []).map((c) => [c, list[0].row[c]])) : {};
    const next = { ...row, ...kept };
    if (last && last.from === from) last.row = next;
    else list.push({ row: next, from });
  }
  return [...byKey.values()].flatMap((list) =>
    list.map((v, i) => ({ row: v.row, from: v.from, to: i + 1 < list.length ? String(list[i + 1].from) : OPEN_VERSION })),
  );
}

function statements(t: WholeRowTable, told: Array<{ row: Row; position: number }>): string[] {
  if (told.length === 0) return [];
  const h = `${t.table}__history`;
  const open = OPEN_VERSION;
  const cols = Object.keys(t.columns);
  const key = t.key.join(', ');
  const on = (a: string, b: string) => t.key.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
  const value = (c: string) => ((t.keep ?? []).includes(c) ? `coalesce(l.${c}, v.${c})` : `v.${c}`);
  // One statement, the rows once: its parts touch different rows, and all read the tables as they stood before.
  //  at:      where each key's new versions may start (the open version's start, or the last close; 0 for a new key)
  //  closed:  an open version that started before the first new one ends there
  //  dropped: one that started at or after it was never valid on its own (the trigger's rule): it goes
  const write = `
    WITH v AS (SELECT * FROM jsonb_to_recordset($1::jsonb)
                 AS v(${cols.map((c) => `${c} ${t.columns[c]}`).join(', ')}, _from bigint, _to bigint)),
    f AS (SELECT ${key}, min(_from) AS _from FROM v GROUP BY ${key}),
    c AS (SELECT ${t.key.map((k) => `f.${k}`).join(', ')},
                 coalesce(max(CASE WHEN h.valid_to = ${open} THEN h.valid_from ELSE h.valid_to END), 0) AS at
            FROM f LEFT JOIN ${h} h ON ${on('h', 'f')} GROUP BY ${t.key.map((k) => `f.${k}`).join(', ')}),
    closed AS (UPDATE ${h} h SET valid_to = f._from FROM f WHERE ${on('h', 'f')} AND h.valid_to = ${open} AND h.valid_from < f._from),
    dropped AS (DELETE FROM ${h} h USING f WHERE ${on('h', 'f')} AND h.valid_to = ${open} AND h.valid_from >= f._from),
    added AS (INSERT INTO ${h} (${cols.join(', ')}, valid_from, valid_to)
              SELECT ${cols.map(value).join(', ')}, greatest(v._from, c.at),
                     CASE WHEN v._to = ${open} THEN v._to ELSE greatest(v._to, c.at) END
                FROM v JOIN c USING (${key}) LEFT JOIN ${t.table} l ON ${on('l', 'v')}
               WHERE v._to = ${open} OR greatest(v._to, c.at) > greatest(v._from, c.at))
    INSERT INTO ${t.table} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM v WHERE _to = ${open} ${onConflict(t)}`;
  const versions = versionsOf(t, told).map((v) => ({ ...v.row, _from: v.from, _to: v.to }));
  return [
    `SELECT set_config('dekomp.history', 'written', true)`,
    inlineParams(write, [JSON.stringify(versions)]),
    `SELECT set_config('dekomp.history', '', true)`,
  ];
}
