/** The one SQL surface the rest of Dekomp uses, over PostgreSQL (the embedded server or any other). */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Several statements without parameters (DDL). */
  exec(text: string): Promise<void>;
}

export type SqlBackend = 'postgres';

export interface SqlClient extends Sql {
  readonly backend: SqlBackend;
  /** Runs `fn` in one transaction on one session; rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** The session's schema search path (read-model schemas first, then public), for every connection. */
  setSearchPath(schemas: string[]): Promise<void>;
  close(): Promise<void>;
}

export function searchPathSql(schemas: string[]): string {
  for (const s of schemas) if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`invalid schema name ${s}`);
  return [...schemas, 'public'].join(', ');
}

/** PostgreSQL error codes Dekomp reacts to. */
export const PgErrorCode = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code: unknown = error.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
