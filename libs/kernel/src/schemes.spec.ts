import { minimumCoFinancing, ruleSetFor } from './schemes.js';

describe('R7 minimum co-financing', () => {
  it.each([
    [100_000, 30_000],
    [1, 1],
    [3, 1],
    [333_333, 100_000],
    [333_334, 100_001],
    [0, 0],
  ])('ceil(30 × %d / 100) = %d', (grant, min) => expect(minimumCoFinancing(grant, 30)).toBe(min));

  it('is exact on large integers', () => expect(minimumCoFinancing(9_007_199_254_740, 30)).toBe(2_702_159_776_422));
});

describe('R8 rule sets', () => {
  it('DEKOMP needs 30 %, REKOMP and KOMPLØFT none', () => {
    expect(ruleSetFor('DEKOMP', 2026).coFinancingPercent).toBe(30);
    expect(ruleSetFor('REKOMP', 2026).coFinancingPercent).toBe(0);
    expect(ruleSetFor('KOMPLOFT', 2026).coFinancingPercent).toBe(0);
    expect(ruleSetFor('DEKOMP', 2026).version).toBe('dekomp-2021.1');
  });
});
