import type { Filter, Position, ReadPosition } from '@kurrent/kurrentdb-client';
import { compareCheckpoints, type Checkpoint, type StoredEvent } from '#libs/event-store';
import type { KurrentClient } from './kurrent-client.js';
import { checkpointOf, isDekompRecord, isKnownPosition, toStoredEvent } from './mapping.js';

/** The newest Dekomp event that satisfies `wanted`, reading `$all` backwards page by page. */
export async function scanBackwards(
  client: KurrentClient,
  filter: Filter,
  streamRegex: RegExp,
  wanted: (e: StoredEvent) => boolean,
  page: number,
): Promise<StoredEvent | null> {
  let from: ReadPosition = 'end';
  let before: Checkpoint | undefined;
  for (;;) {
    let seen = 0;
    let last: Position | undefined;
    for await (const r of client.readAll({ fromPosition: from, maxCount: page, direction: 'backwards', filter })) {
      seen++;
      const rec = r.event;
      if (!rec || !isKnownPosition(rec.position)) continue;
      const cp = checkpointOf(rec.position);
      if (before && compareCheckpoints(cp, before) >= 0) continue; // the page's start, read again
      last = rec.position;
      if (!isDekompRecord(rec, streamRegex)) continue;
      const e = toStoredEvent(rec);
      if (wanted(e)) return e;
    }
    if (seen < page || !last) return null;
    from = last;
    before = checkpointOf(last);
  }
}
