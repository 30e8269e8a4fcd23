import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { DevTokenIssuer, type IssueTokenInput } from '#libs/auth';
import { loadConfig } from '#libs/config';
import { START, type EventStore, type StoredEvent } from '#libs/event-store';
import { PgClient, type SqlClient } from '#libs/db';
import { CLOCK, type ServiceClock } from '#libs/kernel';
import { EVENT_STORE } from '#libs/platform';
import { createTestDatabase, type BackendName } from './backends.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestApi {
  backend: BackendName;
  url: string;
  app: NestExpressApplication;
  token(input: IssueTokenInput): Promise<string>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  get<T = any>(path: string, token?: string): Promise<ApiResponse<T>>;
  post<T = any>(path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** Every page of a paged list, following `Link: <…>; rel="next"` from `path`: the rows in order and the pages' count. */
  getAllPages<T = any>(path: string, token?: string): Promise<{ rows: T[]; pages: number }>;
  /** The service's one clock: `api.clock.fix('2029-01-20')` makes that "today" (R14, R15, R26). */
  clock: ServiceClock;
  /** The event store behind the service. */
  store: EventStore;
  /** The global position written last (pass it to expectNewEvents). */
  head(): Promise<number>;
  /** Asserts that exactly these event types (in order) were written after position `since`; returns them. */
  expectNewEvents(since: number, types: string[]): Promise<StoredEvent[]>;
  close(): Promise<void>;
  /** The database and data directory under this app (to start another app on them: `startTestApi(b, env, { reuse })`). */
  handle: TestApiHandle;
}

/** A test app's database and data directory (dev signing key), kept past `close()` with `{ keep: true }`. */
export interface TestApiHandle {
  url: string;
  dataDir: string;
  /** Drops the database and removes the data directory. */
  drop(): Promise<void>;
}

export interface TestApiOptions {
  /** Keep the database and data directory when the app closes (a restart test); drop them with `handle.drop()`. */
  keep?: boolean;
  /** Start on the database and data directory of an earlier app (closed with `keep`): the service restarted. */
  reuse?: TestApiHandle;
}

/** The real HTTP application on a fresh database of the given backend, listening on a free port. */
export async function startTestApi(backend: BackendName, env: Record<string, string> = {}, options: TestApiOptions = {}): Promise<TestApi> {
  const { db, handle } = await testDatabaseFor(backend, options.reuse);
  const dataDir = handle.dataDir;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    READ_WAIT_TIMEOUT_MS: '10000',
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
    ...(db.url ? { DATABASE_URL: db.url } : {}),
  });
  const closeDatabase = options.keep
    ? () => db.client.close()
    : async () => {
        await db.client.close();
        await handle.drop();
      };
  const app = await createApp(config, { database: { client: db.client, close: closeDatabase, describe: `test ${backend}` } });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const issuer = new DevTokenIssuer(dataDir);

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, headers: res.headers, body: body as T };
  }

  const store = app.get<EventStore>(EVENT_STORE, { strict: false });

  async function eventsAfter(since: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let after = since === 0 ? START : await store.checkpointOf(since);
    if (!after) throw new Error(`no event at position ${since}`);
    for (;;) {
      const page = await store.readAll(after, 1000);
      events.push(...page.events);
      if (page.events.length === 0 && !page.heldBack) return events.filter((e) => e.globalPosition > since);
      if (page.events.length > 0) after = page.events[page.events.length - 1].checkpoint;
      else await new Promise((r) => setTimeout(r, 5));
    }
  }

  return {
    backend,
    url,
    app,
    clock: app.get<ServiceClock>(CLOCK, { strict: false }),
    store,
    head: () => store.headPosition(),
    expectNewEvents: async (since, types) => {
      const events = await eventsAfter(since);
      expect(events.map((e) => e.type)).toEqual(types);
      return events;
    },
    token: (input) => issuer.issue(input),
    request,
    get: (path, token) => request('GET', path, { token }),
    post: (path, token, body, headers) => request('POST', path, { token, body: body ?? {}, headers }),
    getAllPages: async <T>(path: string, token?: string) => {
      const rows: T[] = [];
      let pages = 0;
      for (let next: string | undefined = path; next !== undefined; pages++) {
        const page: ApiResponse<T[]> = await request<T[]>('GET', next, { token });
        if (page.status !== 200 || !Array.isArray(page.body)) throw new Error(`GET ${next}: ${page.status} ${JSON.stringify(page.body)}`);
        rows.push(...page.body);
        next = nextPageOf(page.headers);
      }
      return { rows, pages };
    },
    close: async () => {
      await app.close();
      if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
    },
    handle,
  };
}

/** The target of a response's `Link: <…>; rel="next"` (RFC 8288), if any. */
export function nextPageOf(headers: Headers): string | undefined {
  const link = headers.get('link');
  return link ? /<([^>]+)>\s*;\s*rel="next"/.exec(link)?.[1] : undefined;
}

/** A fresh database and data directory, or a new connection pool on those of an earlier app. */
async function testDatabaseFor(
  backend: BackendName,
  reuse?: TestApiHandle,
): Promise<{ db: { client: SqlClient; url: string }; handle: TestApiHandle }> {
  if (reuse) return { db: { client: onceClosed(new PgClient(reuse.url, 12)), url: reuse.url }, handle: reuse };
  const db = await createTestDatabase(backend);
  onceClosed(db.client);
  const dataDir = mkdtempSync(join(tmpdir(), 'dekomp-api-'));
  let dropped: Promise<void> | undefined;
  const drop = () => (dropped ??= db.drop().then(() => rmSync(dataDir, { recursive: true, force: true })));
  return { db, handle: { url: db.url, dataDir, drop } };
}

/** Closing twice is closing once (a kept database's pool is closed by its app, then by the final drop). */
function onceClosed<C extends { close(): Promise<void> }>(client: C): C {
  const close = client.close.bind(client);
  let closed: Promise<void> | undefined;
  client.close = () => (closed ??= close());
  return client;
}
