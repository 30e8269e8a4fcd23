import type { StoredEvent } from '#libs/event-store';
import type { Decider, DomainEvent } from './decider.js';

/** A stored event as an upcaster sees it: its type, the schema version it was written with, and its data. */
export interface StoredShape {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/**
 * An aggregate, declared once: its stream name, its pure decider, the event types it owns (with the schema
 * version each is written at today), and how older versions are read (upcasters). Handlers call the command
 * runner with the aggregate, an id and a command; nothing else folds a stream or casts stored events.
 */
export interface Aggregate<C, S, E extends DomainEvent> {
  /** The stream prefix, e.g. `Call` for `Call-rog-dekomp-2027`. */
  readonly name: string;
  readonly decider: Decider<C, S, E>;
  /** Every event type of the aggregate with its current schema version. */
  readonly eventTypes: { readonly [T in E['type']]: number };
  /** Upcasters: an event type's older versions turned into today's shape (keyed by type, then from-version). */
  readonly upcasters?: { readonly [T in E['type']]?: Readonly<Record<number, (data: unknown) => unknown>> };
  streamOf(id: string): string;
}

export function defineAggregate<C, S, E extends DomainEvent>(a: {
  name: string;
  decider: Decider<C, S, E>;
  eventTypes: { readonly [T in E['type']]: number };
  upcasters?: Aggregate<C, S, E>['upcasters'];
  streamOf?: (id: string) => string;
}): Aggregate<C, S, E> {
  return { ...a, streamOf: a.streamOf ?? ((id: string) => `${a.name}-${id}`) };
}

export class UnknownEventError extends Error {
  constructor(aggregate: string, type: string, schemaVersion: number) {
    super(`${aggregate}: stored event ${type} v${schemaVersion} is not known to this aggregate (no upcaster)`);
    this.name = 'UnknownEventError';
  }
}

/** One stored event in today's shape: its type checked, its data upcast from the version it was stored at. */
export function upcast<E extends DomainEvent>(aggregate: Aggregate<unknown, unknown, E>, stored: StoredShape): E {
  const types = aggregate.eventTypes as Record<string, number>;
  const current = types[stored.type];
  if (current === undefined) throw new UnknownEventError(aggregate.name, stored.type, stored.schemaVersion);
  let data = stored.data;
  const steps = (aggregate.upcasters as Record<string, Record<number, (d: unknown) => unknown>> | undefined)?.[stored.type] ?? {};
  for (let v = stored.schemaVersion || 1; v < current; v++) {
    const step = steps[v];
    if (!step) throw new UnknownEventError(aggregate.name, stored.type, v);
    data = step(data);
  }
  return { type: stored.type, data } as E;
}

/** A stream's stored events in today's shape. */
export function eventsOf<E extends DomainEvent>(aggregate: Aggregate<unknown, unknown, E>, stored: readonly StoredEvent[]): E[] {
  return stored.map((e) => upcast(aggregate, e));
}

/** The state a stream's events fold to. */
export function stateOf<S, E extends DomainEvent>(aggregate: Aggregate<unknown, S, E>, stored: readonly StoredEvent[]): S {
  const d = aggregate.decider;
  return eventsOf(aggregate, stored).reduce((s, e) => d.evolve(s, e), d.initialState);
}

/** The schema version an event of this type is written at. */
export function schemaVersionOf(aggregate: Aggregate<unknown, unknown, DomainEvent>, type: string): number {
  return (aggregate.eventTypes as Record<string, number>)[type] ?? 1;
}
