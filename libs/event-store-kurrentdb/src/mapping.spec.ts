import { ConcurrencyError, START, type NewEvent, type StoredEvent } from '#libs/event-store';
import {
  assignEventIds,
  dekompStreamFilter,
  firstDuplicate,
  globalPositionOf,
  idempotentEventId,
  isDekompRecord,
  isKnownPosition,
  readPositionAfter,
  toConcurrencyError,
  toKurrentEvent,
  toStoredEvent,
  toStreamState,
  UNKNOWN_POSITION,
  uuidV5,
  versionOfRevision,
  type KurrentRecord,
} from './mapping.js';

const actor = { role: 'governor' as const, org: '974761076', subject: 'tester', office: 'FMRO' };

function newEvent(extra: Partial<NewEvent> = {}): NewEvent {
  return {
    type: 'GrantApplied',
    data: { amount: 120_000, school: 'Ås skole' },
    metadata: { actor, correlationId: 'c-1', causationId: null, idempotencyKey: null },
    ...extra,
  };
}

/** What KurrentDB gives back for an event written from `toKurrentEvent` (JSON round trip, server fields). */
function recorded(
  event: NewEvent,
  id: string,
  revision: bigint,
  commit: bigint,
  created = new Date('2026-03-01T10:00:00Z'),
): KurrentRecord {
  const written = toKurrentEvent(event, id);
  return {
    streamId: 'Application-1',
    id,
    revision,
    type: written.type,
    created,
    isJson: true,
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    position: { commit, prepare: commit },
  };
}

describe('KurrentDB mapping: expected versions', () => {
  it('maps our version N to Kurrent revision N-1 and the named states through', () => {
    expect(toStreamState(1)).toBe(0n);
    expect(toStreamState(42)).toBe(41n);
    expect(toStreamState('no_stream')).toBe('no_stream');
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState(0)).toBe('no_stream');
  });

  it('refuses versions that are no versions', () => {
    expect(() => toStreamState(-1)).toThrow(RangeError);
    expect(() => toStreamState(1.5)).toThrow(RangeError);
  });

  it('turns a wrong expected revision into a ConcurrencyError with our actual version', () => {
    const e = toConcurrencyError('S-1', 1, 4n);
    expect(e).toBeInstanceOf(ConcurrencyError);
    expect(e.actual).toBe(5);
    expect(e.expected).toBe(1);
    expect(toConcurrencyError('S-1', 1, 'no_stream').actual).toBeNull();
    expect(versionOfRevision(-5n)).toBeNull(); // deleted stream marker
    expect(versionOfRevision(undefined)).toBeNull();
  });
});

describe('KurrentDB mapping: events and metadata', () => {
  it('writes metadata with schema version and Kurrent $correlationId/$causationId', () => {
    const e = newEvent({ schemaVersion: 2 });
    e.metadata = { ...e.metadata, causationId: 'cause-1', idempotencyKey: 'k-1', reason: 'wrong amount' };
    const k = toKurrentEvent(e, '8b0c3f5e-0000-4000-8000-000000000001');
    expect(k).toMatchObject({ id: '8b0c3f5e-0000-4000-8000-000000000001', contentType: 'application/json', type: 'GrantApplied' });
    expect(k.metadata).toEqual({
      actor,
      correlationId: 'c-1',
      causationId: 'cause-1',
      idempotencyKey: 'k-1',
      reason: 'wrong amount',
      schemaVersion: 2,
      $correlationId: 'c-1',
      $causationId: 'cause-1',
    });
    expect(toKurrentEvent(newEvent(), 'x').metadata).not.toHaveProperty('$causationId');
  });

  it('round-trips an event: id, type, data, schema version, metadata, version from revision, positions', () => {
    const e = newEvent({ schemaVersion: 3 });
    e.metadata = { ...e.metadata, causationId: 'cause-1', reason: 'correction' };
    const s = toStoredEvent(recorded(e, 'id-1', 6n, 123_456n));
    expect(s).toEqual<StoredEvent>({
      id: 'id-1',
      streamId: 'Application-1',
      streamVersion: 7,
      globalPosition: 123_456,
      checkpoint: { major: 123_456n, minor: 123_456n },
      type: 'GrantApplied',
      schemaVersion: 3,
      data: { amount: 120_000, school: 'Ås skole' },
      metadata: { ...e.metadata, recordedAt: '2026-03-01T10:00:00.000Z' },
    });
  });

  it('keeps extra metadata and takes the original recording time of copied events', () => {
    const e = newEvent();
    (e.metadata as unknown as Record<string, unknown>).originalRecordedAt = '2025-01-02T03:04:05.000Z';
    const s = toStoredEvent(recorded(e, 'id-2', 0n, 99n));
    expect(s.metadata.recordedAt).toBe('2025-01-02T03:04:05.000Z');
    expect((s.metadata as unknown as Record<string, unknown>).originalRecordedAt).toBe('2025-01-02T03:04:05.000Z');
  });

  it('defaults what a foreign writer left out, and refuses events without a log position (servers < 22.6)', () => {
    const bare: KurrentRecord = {
      streamId: 'Other-1',
      id: 'id-3',
      revision: 0n,
      type: 'X',
      created: new Date(0),
      isJson: true,
      data: {},
      metadata: undefined,
      position: { commit: 10n, prepare: 10n },
    };
    expect(toStoredEvent(bare)).toMatchObject({ schemaVersion: 1, metadata: { causationId: null, idempotencyKey: null } });
    expect(() => toStoredEvent({ ...bare, position: undefined })).toThrow(/22\.6/);
    expect(() => toStoredEvent({ ...bare, position: { commit: UNKNOWN_POSITION, prepare: UNKNOWN_POSITION } })).toThrow(/22\.6/);
  });
});

describe('KurrentDB mapping: positions and checkpoints', () => {
  it('reads from the start for START and from (commit, prepare) otherwise', () => {
    expect(readPositionAfter(START)).toBe('start');
    expect(readPositionAfter({ major: 5n, minor: 4n })).toEqual({ commit: 5n, prepare: 4n });
  });

  it('uses the commit position as the global position, refusing what a number cannot hold', () => {
    expect(globalPositionOf({ commit: 2n ** 40n, prepare: 2n ** 40n })).toBe(2 ** 40);
    expect(() => globalPositionOf({ commit: 2n ** 60n, prepare: 0n })).toThrow(RangeError);
    expect(isKnownPosition(undefined)).toBe(false);
    expect(isKnownPosition({ commit: UNKNOWN_POSITION, prepare: 0n })).toBe(false);
  });

  it("filters $all to Dekomp's streams: no $-streams, system types or links", () => {
    expect(dekompStreamFilter()).toMatchObject({ filterOn: 'streamName', regex: '^[^$]' });
    expect(new RegExp(dekompStreamFilter().regex).test('$stats-127.0.0.1:2113')).toBe(false);
    expect(isDekompRecord({ streamId: 'Application-1', type: 'GrantApplied' })).toBe(true);
    expect(isDekompRecord({ streamId: '$$Application-1', type: '$metadata' })).toBe(false);
    expect(isDekompRecord({ streamId: 'Application-1', type: '$>' })).toBe(false);
    expect(isDekompRecord({ streamId: 'Other-1', type: 'X' }, /^Application-/)).toBe(false);
  });
});

describe('KurrentDB mapping: event ids', () => {
  it('computes RFC 4122 version-5 uuids (known vector)', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('derives the same ids for the same idempotency key, stream and index, different ones otherwise', () => {
    const a = assignEventIds([{}, {}], 'S-1', 'key-1');
    expect(assignEventIds([{}, {}], 'S-1', 'key-1')).toEqual(a);
    expect(a[0]).not.toBe(a[1]);
    expect(a[0]).toBe(idempotentEventId('key-1', 'S-1', 0));
    expect(idempotentEventId('key-2', 'S-1', 0)).not.toBe(a[0]);
    expect(idempotentEventId('key-1', 'S-2', 0)).not.toBe(a[0]);
    expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps explicit ids and uses random ones without a key', () => {
    let n = 0;
    const random = () => `r-${n++}`;
    expect(assignEventIds([{ id: 'mine' }, {}], 'S-1', 'key-1', random)).toEqual(['mine', idempotentEventId('key-1', 'S-1', 1)]);
    expect(assignEventIds([{}, {}], 'S-1', null, random)).toEqual(['r-0', 'r-1']);
  });

  it('finds a repeated id in one append', () => {
    expect(firstDuplicate(['a', 'b', 'A'])).toBe('A');
    expect(firstDuplicate(['a', 'b'])).toBeNull();
  });
});
