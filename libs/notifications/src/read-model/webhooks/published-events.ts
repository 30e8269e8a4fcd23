import type { StoredEvent } from '#libs/event-store';
import { Call } from '#libs/calls';
import { Recommendation } from '#libs/forum';
import { Appeal, FrameLedger, Grant } from '#libs/grants';
import { upcast, type Aggregate, type DomainEvent } from '#libs/platform';
import { ReportReminders } from '#libs/worklists';

/** The aggregates whose events are published as webhook kinds (the published language), to read them in today's shape. */
const OWNERS: Array<Aggregate<unknown, unknown, DomainEvent>> = [
  Call,
  Recommendation,
  FrameLedger,
  Grant,
  Appeal,
  ReportReminders,
] as never;

const BY_TYPE = new Map<string, Aggregate<unknown, unknown, DomainEvent>>(
  OWNERS.flatMap((a) => Object.keys(a.eventTypes).map((t) => [t, a] as const)),
);

/** A published event's type and data, upcast by the aggregate that owns it. */
export function readPublished(stored: StoredEvent): DomainEvent {
  const owner = BY_TYPE.get(stored.type);
  return owner ? upcast(owner, stored) : { type: stored.type, data: stored.data };
}
