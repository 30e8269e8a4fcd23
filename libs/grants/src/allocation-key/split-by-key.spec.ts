import fc from 'fast-check';
import { splitByKey, type KeyLine } from './split-by-key.js';

const line = fc.record({
  cap: fc.integer({ min: 0, max: 50_000_000 }),
  weight: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.double({ min: 0, max: 100, noNaN: true })),
});
const lines = fc.array(line, { minLength: 0, maxLength: 60 });
const amount = fc.integer({ min: 0, max: 2_000_000_000 });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const weightedCaps = (ls: KeyLine[]) => sum(ls.filter((l) => Math.round(l.weight * 1e6) > 0).map((l) => l.cap));

describe('R25: split an amount by a key (largest remainder, capped at the request)', () => {
  it('the parts add up to the amount exactly, or to every weighted request when they ask for less', () => {
    fc.assert(
      fc.property(amount, lines, (a, ls) => {
        expect(sum(splitByKey(a, ls))).toBe(Math.min(a, weightedCaps(ls)));
      }),
    );
  });

  it('no part above its request, none negative, all whole kroner', () => {
    fc.assert(
      fc.property(amount, lines, (a, ls) => {
        splitByKey(a, ls).forEach((p, i) => {
          expect(Number.isSafeInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(ls[i].cap);
        });
      }),
    );
  });

  it('deterministic: the same input gives the same parts', () => {
    fc.assert(
      fc.property(amount, lines, (a, ls) => {
        expect(splitByKey(a, ls)).toEqual(
          splitByKey(
            a,
            ls.map((l) => ({ ...l })),
          ),
        );
      }),
    );
  });

  it('a line of weight 0 gets nothing; equal weights and caps differ by at most one krone', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 40 }), (a, n) => {
        const parts = splitByKey(
          a,
          Array.from({ length: n }, () => ({ cap: 10_000_000_000, weight: 1 })),
        );
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
    expect(
      splitByKey(100, [
        { cap: 100, weight: 0 },
        { cap: 100, weight: 1 },
      ]),
    ).toEqual([0, 100]);
  });

  it('pro rata: a line capped at its request passes its excess on to the others', () => {
    // 1000 over requests 100, 900, 900 with weights 1:1:1 → 333 would pass 100: 100, then 450 + 450
    expect(
      splitByKey(1000, [
        { cap: 100, weight: 1 },
        { cap: 900, weight: 1 },
        { cap: 900, weight: 1 },
      ]),
    ).toEqual([100, 450, 450]);
    // the remainder goes to the largest fraction, ties to the earlier line
    expect(
      splitByKey(10, [
        { cap: 10, weight: 1 },
        { cap: 10, weight: 1 },
        { cap: 10, weight: 1 },
      ]),
    ).toEqual([4, 3, 3]);
    expect(
      splitByKey(100, [
        { cap: 60, weight: 60 },
        { cap: 30, weight: 30 },
        { cap: 10, weight: 10 },
      ]),
    ).toEqual([60, 30, 10]);
  });
});
