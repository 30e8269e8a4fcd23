import fc from 'fast-check';

/** The known cases that once broke the service: each must be a 4xx naming a field, never a 5xx or a write. */
export const CORPUS_VALUES: unknown[] = [
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '__proto__',
  'constructor',
  'prototype',
  '2027',
  '20270201',
  '2027-W05-1',
  '2027-02-30',
  '2027-02-01T10:00:00Z',
  '99999999999999999999999',
  1e23,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  'x'.repeat(100_001),
  Array.from({ length: 2_000 }, () => 'x'),
  null,
  true,
  [],
  {},
];

/**
 * A body sent as this raw text: JSON nested deeper than JSON.stringify can write (it overflows the stack near
 * depth 10 000), so the service's parser and depth guard still meet it.
 */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return `RawJson(${this.text.slice(0, 20)}… ${this.text.length} characters)`;
  }
}

function nested(depth: number): RawJson {
  return new RawJson(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

export const CORPUS_BODIES: unknown[] = [
  nested(10_000),
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { x: 1 } } },
  { year: 2027, amount: 1, paidOn: '2027' },
  { title: 'a\u0000b' },
  { title: '\ud800' },
  [],
  'just a string',
  42,
];

export const CORPUS_PATH_IDS = [
  '%00',
  'a%00b',
  '__proto__',
  'constructor',
  'prototype',
  '%F0%9F%98%80',
  'x'.repeat(500),
  '..%2F..%2Fetc',
  '99999999999999999999999',
];

const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(...CORPUS_VALUES));

/** Generated bad bodies: JSON values, objects of plausible field names with hostile values, and the corpus. */
export const hostileBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'year',
      'amount',
      'title',
      'scheme',
      'office',
      'lines',
      'reason',
      'paidOn',
      'deadline',
      'orgNumber',
      'kind',
      'name',
      'measures',
      'amounts',
      'tags',
      '__proto__',
      'constructor',
    ),
    scalar,
  ),
  fc.constantFrom(...CORPUS_BODIES),
);

export const hostilePathId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CORPUS_PATH_IDS),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
);

export const hostileQuery: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom('asOf', 'minPosition', 'limit', 'year', 'office', 'dryRun', 'after', 'format'),
  fc.oneof(fc.string(), fc.constantFrom('99999999999999999999999', '-1', 'NaN', '\u0000', '2027-13-45', '__proto__')),
);
