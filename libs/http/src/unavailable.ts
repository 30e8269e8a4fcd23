import { isDatabaseUnavailable, isStatementCancelled, QueryTimeoutError } from '#libs/db';

/** Seconds a client should wait before retrying a request the service could not serve now. */
export const RETRY_AFTER_SECONDS = 1;

export interface UnavailableProblem {
  status: 503;
  slug: string;
  title: string;
  detail: string;
  headers: Record<string, string>;
}

/**
 * A request that failed because the database could not answer now (a dropped connection, a restarting server) or
 * because its time limit ran out (QUERY_TIMEOUT_MS) is a 503 with Retry-After, never a 500: nothing of it was
 * acknowledged, and a retry (with the same Idempotency-Key for a command) is safe.
 */
export function unavailableProblem(error: unknown): UnavailableProblem | undefined {
  const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
  if (error instanceof QueryTimeoutError || isStatementCancelled(error)) {
    const detail =
      error instanceof QueryTimeoutError ? error.message : 'The query was stopped by its time limit; retry shortly or narrow it';
    return { status: 503, slug: 'query-timeout', title: 'The query took too long', detail, headers };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      slug: 'database-unavailable',
      title: 'The database is not available right now',
      detail: 'The database did not answer (it is restarting or the connection dropped); retry shortly with the same Idempotency-Key',
      headers,
    };
  }
  return undefined;
}
