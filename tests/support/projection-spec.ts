import type { StoredEvent } from '#libs/event-store';
import type { Projection } from '#libs/projections';
import { schemaOf } from '#libs/projections';
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
 * Given events / Then rows, for one read model on a real database: the events are applied one by one in one
 * schema and, when the projection has a set-based form, as one batch in another; both must give the rows.
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
          const ways: Array<[string, (tx: Parameters<Projection['apply']>[1]) => Promise<void>]> = [
            [
              `${base}_one`,
              async (tx) => {
                for (const e of stored) await projection.apply(e, tx);
              },
            ],
          ];
          if (projection.applyBatch)
            ways.push([
              `${base}_batch`,
              async (tx) => {
                if (stored.length) await projection.applyBatch!(stored, tx);
              },
            ]);
          for (const [schema, apply] of ways) {
            const rows = await db.client.transaction(async (tx) => {
              await tx.exec(
                `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET LOCAL search_path TO ${schema}, public;`,
              );
              await tx.exec(projection.schema);
              await apply(tx);
              return (await tx.query(query, params)).rows;
            });
            expect({ schema, rows }).toEqual({ schema, rows: expected });
          }
        },
      };
    },
    close: () => db.drop(),
  };
}
