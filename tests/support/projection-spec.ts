import type { StoredEvent } from '#libs/event-store';
import type { Projection } from '#libs/projections';
import { applyTo, asOfSchemaOf, createAsOfViews, createSchema, schemaOf } from '#libs/projections';
import { SYSTEM_ACTOR } from '#libs/kernel';
import { createTestDatabase, type BackendName, type TestDatabase } from './backends.js';

export interface GivenEvent {
  type: string;
  data: unknown;
  streamId?: string;
  recordedAt?: string;
}

/** Stored events as the engine hands them to a projection: positions in order, the system actor. */
export function storedEvents(events: GivenEvent[], recordedAt = '2027-01-15T10:00:00.000Z'): StoredEvent[] {
  const versions = new Map<string, number>();
  return events.map((e, i) => {
    const streamId = e.streamId ?? 'Test-1';
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    return {
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      streamId,
      streamVersion: version,
      globalPosition: i + 1,
      checkpoint: { major: 1n, minor: BigInt(i + 1) },
      type: e.type,
      schemaVersion: 1,
      data: e.data,
      metadata: {
        actor: SYSTEM_ACTOR,
        correlationId: 'spec',
        causationId: null,
        idempotencyKey: null,
        recordedAt: e.recordedAt ?? recordedAt,
      },
    };
  });
}

/**
 * Given events / Then rows, for one read model on a real database, through the engine's own path (its schema with
 * each table's history, `applyTo`): the events are applied one by one in one schema and as one batch in another;
 * both must give the rows. Then its history is checked: the rows as of each event's position (the as-of views) must
 * be the rows the query gave right after that event was applied.
 *   const spec = await projectionSpec(callsProjection, 'embedded');
 *   await spec.given([{ type: 'CallOpened', data }]).then('SELECT call_id FROM calls', [], [{ call_id: … }]);
 */
export async function projectionSpec(projection: Projection, backend: BackendName) {
  const db: TestDatabase = await createTestDatabase(backend);
  const base = schemaOf(projection.name);
  return {
    given(events: GivenEvent[]) {
      const stored = storedEvents(events).filter((e) => projection.handles.includes(e.type));
      return {
        async then(query: string, params: unknown[], expected: unknown[]): Promise<void> {
          for (const oneByOne of [true, false]) {
            const schema = `${base}_${oneByOne ? 'one' : 'batch'}`;
            const { rows, past } = await db.client.transaction(async (tx) => {
              await createSchema(tx, schema, projection.schema);
              const read = async (path: string) => {
                await tx.exec(`SET LOCAL search_path TO ${path}, public`);
                return (await tx.query(query, params)).rows;
              };
              const snapshots: Array<{ position: number; rows: unknown[] }> = [{ position: 0, rows: await read(schema) }];
              if (oneByOne)
                for (const e of stored) {
                  await applyTo(tx, projection, schema, null, [e]);
                  snapshots.push({ position: e.globalPosition, rows: await read(schema) });
                }
              else await applyTo(tx, projection, schema, null, stored);
              const live = await read(schema);
              await createAsOfViews(tx, schema);
              const asOf = [];
              for (const s of snapshots) {
                await tx.query(`SELECT set_config('dekomp.as_of', $1, true)`, [String(s.position)]);
                asOf.push({ position: s.position, rows: unordered(await read(asOfSchemaOf(schema))), expected: unordered(s.rows) });
              }
              return { rows: live, past: asOf };
            });
            expect({ schema, rows }).toEqual({ schema, rows: expected });
            for (const p of past)
              expect({ schema, asOf: p.position, rows: p.rows }).toEqual({ schema, asOf: p.position, rows: p.expected });
          }
        },
      };
    },
    close: () => db.drop(),
  };
}

/** Rows in a fixed order (a past moment's rows come from another table, so a query without ORDER BY may differ in order). */
function unordered(rows: unknown[]): unknown[] {
  return rows.map((r) => JSON.stringify(r)).sort();
}
