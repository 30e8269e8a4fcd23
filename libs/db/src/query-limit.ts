import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A time limit for the queries of one request: every statement run inside `withQueryLimit` gets the time left
 * as its statement_timeout, nothing starts past the deadline, and `signal` (the client went away) cancels what
 * runs. Work outside a limit (commands, the read models' own loop, start-up) is not bounded here.
 */
export interface QueryLimit {
  /** Epoch milliseconds after which no statement may run. */
  deadline: number;
  /** The whole limit (for the message). */
  timeoutMs: number;
  /** Aborted when the request's client is gone: running statements are cancelled. */
  signal?: AbortSignal;
}

/** The request's time limit ran out (503 with Retry-After: the query may succeed when the service is less busy). */
export class QueryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The query did not finish within ${timeoutMs} ms (QUERY_TIMEOUT_MS) and was stopped; retry shortly or narrow it`);
    this.name = 'QueryTimeoutError';
  }
}

const scope = new AsyncLocalStorage<QueryLimit>();

export function withQueryLimit<T>(limit: QueryLimit, fn: () => T): T {
  return scope.run(limit, fn);
}

/** Runs `fn` outside any request limit (clean-up that must happen even after the limit ran out). */
export function withoutQueryLimit<T>(fn: () => T): T {
  return scope.exit(fn);
}

export function currentQueryLimit(): QueryLimit | undefined {
  return scope.getStore();
}

/** Milliseconds left of the current limit (at least 1), or throws QueryTimeoutError (or the abort) when none is. */
export function millisecondsLeft(limit: QueryLimit): number {
  if (limit.signal?.aborted) throw new QueryTimeoutError(limit.timeoutMs);
  const left = limit.deadline - Date.now();
  if (left <= 0) throw new QueryTimeoutError(limit.timeoutMs);
  return Math.max(1, Math.floor(left));
}
