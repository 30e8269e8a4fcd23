import type { DomainEvent, Warning } from './decider.js';

/**
 * What a command handler returns: no HTTP in here. The HTTP layer alone turns it into a status (201 when
 * `created`), `ETag` (the version the resource's commands check), `Location` and `Dekomp-Position`.
 */
export interface CommandOutcome {
  /** The resource id. */
  id: string;
  /** The version of the stream the resource's commands check (its ETag). */
  version: number;
  /** The global position of the last event written (0 when nothing was written). */
  position: number;
  /** The events written (type and data). */
  events: DomainEvent[];
  warnings: Warning[];
  /** True when the command created the resource. */
  created: boolean;
  /** Extra response fields (a new member's id, a payment id…). */
  extra: Record<string, unknown>;
  /** True when this is the stored outcome of an earlier request with the same Idempotency-Key. */
  replayed?: boolean;
}

export function isCommandOutcome(value: unknown): value is CommandOutcome {
  return (
    !!value &&
    typeof value === 'object' &&
    'version' in value &&
    'position' in value &&
    'events' in value &&
    'created' in value &&
    'extra' in value
  );
}

/** The response body of a command: id, version, position, warnings and the extra fields. */
export function outcomeBody(o: CommandOutcome): Record<string, unknown> {
  return { id: o.id, version: o.version, position: o.position, warnings: o.warnings, ...o.extra };
}

/** A query result with the version its resource's commands check (the HTTP layer makes it the ETag). */
export class Versioned<B> {
  constructor(
    readonly body: B,
    readonly version: number,
  ) {}
}
