import type { DekompConfig } from '#libs/config';
import type { PlatformOptions } from '#libs/platform';

/** The event store chosen by EVENT_STORE: undefined = PostgreSQL (the default). */
export function eventStoreFactoryFor(config: DekompConfig): PlatformOptions['eventStoreFactory'] {
  if (config.EVENT_STORE !== 'kurrentdb') return undefined;
  return async (db) => {
    const { createKurrentDbEventStore } = await import('#libs/event-store-kurrentdb');
    return createKurrentDbEventStore({ connectionString: config.KURRENTDB_URL!, sql: db.client });
  };
}
