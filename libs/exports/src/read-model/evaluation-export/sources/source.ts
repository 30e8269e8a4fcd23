import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { upcast, type Aggregate, type DomainEvent } from '#libs/platform';

/** What the export does with one event type of a capability. */
export type Handlers<E extends DomainEvent> = {
  readonly [T in E['type']]?: (event: Extract<E, { type: T }>, sql: Sql, stored: StoredEvent) => Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any aggregate: its commands and state do not matter here
type AnyAggregate = Aggregate<any, any, any>;
/** An aggregate's event type, as its evolve takes it. */
type EventOf<A extends AnyAggregate> = Parameters<A['decider']['evolve']>[1] & DomainEvent;

/** The events of one capability the export subscribes to: their types and how each is applied. */
export interface EventSource {
  readonly types: readonly string[];
  apply(stored: StoredEvent, sql: Sql): Promise<void>;
}

/**
 * The events of one capability's aggregate the export subscribes to: the handled types are the keys of
 * `handlers`; each stored event is read through the aggregate (its type checked, older versions upcast), then
 * handled.
 */
export function sourceOf<A extends AnyAggregate>(aggregate: A, handlers: Handlers<EventOf<A>>): EventSource {
  const table = handlers as Record<string, ((event: EventOf<A>, sql: Sql, stored: StoredEvent) => Promise<void>) | undefined>;
  return {
    types: Object.keys(handlers),
    async apply(stored, sql) {
      const handle = table[stored.type];
      if (handle) await handle(upcast<EventOf<A>>(aggregate, stored), sql, stored);
    },
  };
}

/** For events that carry nothing the export shows (drafts): subscribed, applied as nothing. */
export const ignore = async (): Promise<void> => undefined;
