import type { Actor } from '#libs/kernel';

/** Who sends a command and how: built from the HTTP request by @CommandContext(). */
export interface CommandMeta {
  actor: Actor;
  correlationId: string;
  /** Idempotency-Key header, scoped to the actor's organisation, and a hash of the request. */
  idempotency?: { key: string; requestHash: string };
  /** If-Match: the version the client last saw; a mismatch is a 412. */
  ifMatch?: number;
}

export class PreconditionFailedError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`If-Match was version ${expected}, but the resource is at version ${actual}`);
    this.name = 'PreconditionFailedError';
  }
}

export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was used before with a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}
