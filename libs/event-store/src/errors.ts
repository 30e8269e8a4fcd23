import type { ExpectedVersion } from './types.js';

/** The stream is not at the expected version: nothing was appended (the API answers 409). */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | null,
  ) {
    super(`stream ${streamId} expected at ${String(expected)} but is at ${actual === null ? 'no stream' : actual}`);
    this.name = 'ConcurrencyError';
  }
}

/** The idempotency key was used before; the HTTP layer answers with the stored response. */
export class IdempotencyKeyUsedError extends Error {
  constructor(readonly key: string) {
    super(`idempotency key ${key} was used before`);
    this.name = 'IdempotencyKeyUsedError';
  }
}
