import { ConflictError } from '#libs/kernel';
import { accepted, factsOf, owner, spec, university, violationsOf } from '../grant.fixtures.js';

describe('accept a grant: co-financing (R7, R8)', () => {
  it('a school owner commits at least ceil(30 % of the grant) per year, in any mix of money, salary and released time', () => {
    spec
      .given([])
      .when({
        type: 'AcceptGrant',
        grant: owner,
        coFinancing: [
          { year: 2028, money: 10_000, salary: 20_001, releasedTime: 0 },
          { year: 2029, money: 0, salary: 0, releasedTime: 60_000 },
        ],
        today: '2028-05-10',
      })
      .then([accepted]);
  });

  it('less is refused with the minimum in the error (ceil: 30 % of 100 001 is 30 001)', () => {
    const v = violationsOf([], {
      type: 'AcceptGrant',
      grant: owner,
      coFinancing: [
        { year: 2028, money: 30_000, salary: 0, releasedTime: 0 },
        { year: 2029, money: 60_000, salary: 0, releasedTime: 0 },
      ],
      today: '2028-05-10',
    });
    expect(v).toEqual([{ rule: 'R7', field: 'coFinancing[year=2028]', message: expect.stringMatching(/at least 30001 kroner/) }]);
  });

  it('a private owner is bound alike; a missing year counts as nothing committed', () => {
    const v = violationsOf([], {
      type: 'AcceptGrant',
      grant: factsOf({ recipientKind: 'private_owner' }),
      coFinancing: [{ year: 2028, money: 30_001, salary: 0, releasedTime: 0 }],
      today: '2028-05-10',
    });
    expect(v.map((x) => x.field)).toEqual(['coFinancing[year=2029]']);
  });

  it('R7: a university needs no co-financing; R8: neither do REKOMP and KOMPLØFT grants', () => {
    expect(
      spec.given([]).when({ type: 'AcceptGrant', grant: university, coFinancing: [], today: '2028-05-10' }).events()[0].data,
    ).toMatchObject({ coFinancing: [{ required: 0 }, { required: 0 }] });
    for (const scheme of ['REKOMP', 'KOMPLOFT'] as const) {
      expect(
        spec
          .given([])
          .when({ type: 'AcceptGrant', grant: factsOf({ scheme }), coFinancing: [], today: '2028-05-10' })
          .events(),
      ).toHaveLength(1);
    }
  });

  it('co-financing for a year without money, or twice, or in fractions is refused', () => {
    const v = violationsOf([], {
      type: 'AcceptGrant',
      grant: owner,
      coFinancing: [
        { year: 2030, money: 1, salary: 0, releasedTime: 0 },
        { year: 2028, money: 0.5, salary: 0, releasedTime: 0 },
      ],
      today: '2028-05-10',
    });
    expect(v.map((x) => x.field)).toEqual(['coFinancing[0].year', 'coFinancing[1].money']);
  });

  it('accepting twice, or a revoked grant, is a conflict', () => {
    spec.given([accepted]).when({ type: 'AcceptGrant', grant: owner, coFinancing: [], today: '2028-05-10' }).thenThrows(ConflictError);
    spec
      .given([])
      .when({ type: 'AcceptGrant', grant: { ...owner, status: 'revoked' }, coFinancing: [], today: '2028-05-10' })
      .thenThrows(ConflictError);
  });
});
