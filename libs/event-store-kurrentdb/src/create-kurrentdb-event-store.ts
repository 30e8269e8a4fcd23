import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { CreateKurrentDbEventStoreOptions } from './kurrent-client.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

/** A KurrentDB event store over a new client. Call `start()` before use (checks the server, subscribes). */
export function createKurrentDbEventStore(options: CreateKurrentDbEventStoreOptions): KurrentDbEventStore {
  const { connectionString, sql, ...rest } = options;
  const client = KurrentDBClient.connectionString(connectionString);
  return new KurrentDbEventStore(client, sql, { ...rest, ownsClient: true });
}
