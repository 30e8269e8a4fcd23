import type { Sql } from '#libs/db';
import type { Checkpoint } from '#libs/event-store';

export interface ProjectionStateRow {
  name: string;
  version: number;
  checkpoint: Checkpoint;
  position: number;
}

interface Row {
  name: string;
  version: number;
  checkpoint_major: string;
  checkpoint_minor: string;
  position: string;
}

/** Reads projection state rows; `forUpdate` locks them for the rest of the transaction. */
export async function readStates(sql: Sql, names: string[], forUpdate = false): Promise<Map<string, ProjectionStateRow>> {
  const r = await sql.query<Row>(
    `SELECT name, version, checkpoint_major::text AS checkpoint_major, checkpoint_minor::text AS checkpoint_minor,
            position::text AS position
       FROM projection_state WHERE name = ANY($1::text[]) ORDER BY name ${forUpdate ? 'FOR UPDATE' : ''}`,
    [names],
  );
  return new Map(
    r.rows.map((row) => [
      row.name,
      {
        name: row.name,
        version: row.version,
        checkpoint: { major: BigInt(row.checkpoint_major), minor: BigInt(row.checkpoint_minor) },
        position: Number(row.position),
      },
    ]),
  );
}

export async function writeState(sql: Sql, name: string, checkpoint: Checkpoint, position: number, applied: number): Promise<void> {
  await sql.query(
    `UPDATE projection_state SET checkpoint_major = $2::numeric, checkpoint_minor = $3::numeric, position = $4,
            events_applied = events_applied + $5, updated_at = now() WHERE name = $1`,
    [name, checkpoint.major.toString(), checkpoint.minor.toString(), position, applied],
  );
}

/** Moves several checkpoints in one statement. */
export async function writeStates(
  sql: Sql,
  moves: Array<{ name: string; checkpoint: Checkpoint; position: number; applied: number }>,
): Promise<void> {
  if (moves.length === 0) return;
  await sql.query(
    `UPDATE projection_state s SET checkpoint_major = m.major, checkpoint_minor = m.minor, position = m.position,
            events_applied = s.events_applied + m.applied, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS m(name text, major numeric, minor numeric, position bigint, applied bigint)
      WHERE s.name = m.name`,
    [
      JSON.stringify(
        moves.map((m) => ({
          name: m.name,
          major: m.checkpoint.major.toString(),
          minor: m.checkpoint.minor.toString(),
          position: m.position,
          applied: m.applied,
        })),
      ),
    ],
  );
}
