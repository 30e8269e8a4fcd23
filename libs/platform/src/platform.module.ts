import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DekompConfig } from '#libs/config';
import { migrate, openDatabase, PgClient, type Migration, type OpenDatabase, type SqlClient } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore, type EventStore } from '#libs/event-store';
import { projectionMigrations, ProjectionEngine, type Projection } from '#libs/projections';
import { CLOCK, ServiceClock } from '#libs/kernel';
import { CommandRunner } from './command-runner.js';
import { ReadModels } from './read-models.js';
import { DEKOMP_CONFIG, EVENT_STORE, OPEN_DATABASE, PROJECTION_ENGINE, SQL_CLIENT } from './tokens.js';

export interface PlatformOptions {
  config: DekompConfig;
  projections: Projection[];
  /** Migrations of capabilities beyond the event store and projection state. */
  migrations?: Migration[];
  /** An already open database (tests clone a template instead of initdb). */
  database?: OpenDatabase;
  /** The service's clock (tests pass one whose "today" they fix). */
  clock?: ServiceClock;
  /** Builds a non-default event store (KurrentDB) over the read-model database. */
  eventStoreFactory?: (db: OpenDatabase, config: DekompConfig) => Promise<EventStore & { start?(): Promise<void> }>;
}

interface Runtime {
  db: OpenDatabase;
  store: EventStore & { start?(): Promise<void> };
  engine: ProjectionEngine;
  /** The read models' own connections on a PostgreSQL server, so request load cannot starve them. */
  engineSql?: SqlClient;
  engineStore?: EventStore;
}

const RUNTIME = Symbol('RUNTIME');

async function startRuntime(o: PlatformOptions): Promise<Runtime> {
  const log = new Logger('Platform');
  const pgLog = new Logger('PostgreSQL');
  const db =
    o.database ??
    (await openDatabase({
      databaseUrl: o.config.DATABASE_URL,
      dataDir: o.config.DATA_DIR,
      poolSize: o.config.DB_POOL_SIZE,
      notice: (message) => pgLog.warn(message),
      log: (line) =>
        /\b(FATAL|PANIC):/.test(line) && !/terminating connection due to administrator/.test(line) ? pgLog.warn(line) : pgLog.debug(line),
    }));
  try {
    const usesPgStore = !o.eventStoreFactory;
    const applied = await migrate(db.client, [
      ...idempotencyMigrations,
      ...(usesPgStore ? eventStoreMigrations : []),
      ...projectionMigrations,
      ...(o.migrations ?? []),
    ]);
    if (applied.length > 0) log.log(`migrations applied: ${applied.join(', ')}`);
    const store = o.eventStoreFactory ? await o.eventStoreFactory(db, o.config) : new PostgresEventStore(db.client);
    await store.start?.();
    // On a PostgreSQL server the projection engine gets a small pool of its own: under request load it would
    // otherwise queue behind every HTTP request for a connection and the read models would fall behind.
    const engineUrl = o.config.DATABASE_URL ?? db.url;
    const engineSql = engineUrl ? new PgClient(engineUrl, 3) : undefined;
    const engineStore = engineSql && usesPgStore ? new PostgresEventStore(engineSql) : undefined;
    const engine = new ProjectionEngine(engineSql ?? db.client, engineStore ?? store, o.projections, {
      batchSize: o.config.PROJECTION_BATCH_SIZE,
      signals: store,
      log: (message, detail) => log.log({ msg: message, ...detail }),
      logError: (message, detail) => log.error({ msg: message, ...detail }),
    });
    await db.client.setSearchPath(engine.schemas);
    await engineSql?.setSearchPath(engine.schemas);
    await engine.ensure((name, done) =>
      done.then(
        () => log.log(`read model ${name} rebuilt`),
        (e: unknown) => log.error(`rebuilding read model ${name} failed: ${String(e)}`),
      ),
    );
    engine.start();
    log.log(`event store: ${store.name}; database: ${db.describe}`);
    return { db, store, engine, engineSql, engineStore };
  } catch (error) {
    await db.close();
    throw error;
  }
}

@Injectable()
class PlatformLifecycle implements OnApplicationShutdown, OnApplicationBootstrap {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  onApplicationBootstrap(): void {
    /* started in the provider factory, so every other provider can use it */
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.engine.stop();
    await this.runtime.engineStore?.close();
    await this.runtime.engineSql?.close();
    await this.runtime.store.close();
    await this.runtime.db.close();
  }
}

/** Database, event store, read models and the command path, for every capability module. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: DEKOMP_CONFIG, useValue: options.config },
        { provide: CLOCK, useValue: options.clock ?? new ServiceClock(options.config.TODAY ?? null) },
        { provide: RUNTIME, useFactory: () => startRuntime(options) },
        { provide: OPEN_DATABASE, useFactory: (r: Runtime) => r.db, inject: [RUNTIME] },
        { provide: SQL_CLIENT, useFactory: (r: Runtime) => r.db.client, inject: [RUNTIME] },
        { provide: EVENT_STORE, useFactory: (r: Runtime) => r.store, inject: [RUNTIME] },
        { provide: PROJECTION_ENGINE, useFactory: (r: Runtime) => r.engine, inject: [RUNTIME] },
        PlatformLifecycle,
        CommandRunner,
        ReadModels,
      ],
      exports: [DEKOMP_CONFIG, CLOCK, OPEN_DATABASE, SQL_CLIENT, EVENT_STORE, PROJECTION_ENGINE, CommandRunner, ReadModels],
    };
  }
}
