import { isDatabaseUnavailable, isStatementCancelled } from './db-errors.js';
import { millisecondsLeft, QueryTimeoutError, withoutQueryLimit, withQueryLimit, currentQueryLimit } from './query-limit.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('database errors a request may retry (503)', () => {
  it.each([
    ['a terminated session (pg_terminate_backend)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a connection exception', pgError('08006')],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a broken client', new Error('Client has encountered a connection error and is not queryable')],
  ])('Given %s, Then it is "unavailable"', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a syntax error', pgError('42601')],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'oops'],
  ])('Given %s, Then it is not', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('a cancelled statement (57014) is told apart', () => {
    expect(isStatementCancelled(pgError('57014', 'canceling statement due to statement timeout'))).toBe(true);
    expect(isStatementCancelled(pgError('57P01'))).toBe(false);
  });
});

describe('a request’s query limit', () => {
  it('Given a limit, Then statements get the time left, and none once it is spent or the client is gone', async () => {
    const gone = new AbortController();
    await withQueryLimit({ deadline: Date.now() + 1_000, timeoutMs: 1_000, signal: gone.signal }, async () => {
      const limit = currentQueryLimit()!;
      expect(millisecondsLeft(limit)).toBeGreaterThan(900);
      expect(millisecondsLeft(limit)).toBeLessThanOrEqual(1_000);
      await withoutQueryLimit(async () => expect(currentQueryLimit()).toBeUndefined());
      gone.abort();
      expect(() => millisecondsLeft(limit)).toThrow(QueryTimeoutError);
    });
    expect(() => millisecondsLeft({ deadline: Date.now() - 1, timeoutMs: 5 })).toThrow(/within 5 ms \(QUERY_TIMEOUT_MS\)/);
    expect(currentQueryLimit()).toBeUndefined();
  });
});
