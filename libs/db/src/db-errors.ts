import { pgErrorCode } from './sql-client.js';

/**
 * The database cannot answer now (a dropped connection, a restarting server, no connection to be had): the
 * request is not at fault and may be retried shortly (503 with Retry-After), never a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = pgErrorCode(error);
  if (code !== undefined) {
    // 08: connection exception; 57P01–57P03: admin/crash shutdown, cannot connect now; 53300: too many connections.
    if (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN'].includes(code)) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i.test(
    message,
  );
}

/** PostgreSQL cancelled the statement (statement_timeout, or pg_cancel_backend when the client went away). */
export function isStatementCancelled(error: unknown): boolean {
  return pgErrorCode(error) === '57014';
}
