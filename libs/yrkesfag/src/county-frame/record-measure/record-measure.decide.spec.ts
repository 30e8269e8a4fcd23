import { COUNTY, frameSet, measure, measured, need, spec } from '../county-frame.spec-fixtures.js';

describe('a measure with its provider and money (R5, R18, R24)', () => {
  it('Given a frame, When the county records a measure, Then YrkesfagMeasureRecorded', () => {
    const [e] = spec
      .given([frameSet(), need])
      .when(measure({ needIds: ['N1'] }))
      .events();
    expect(e).toEqual({
      type: 'YrkesfagMeasureRecorded',
      data: expect.objectContaining({ county: COUNTY, measureId: 'M1', amount: 400_000, needIds: ['N1'] }),
    });
  });

  it('R5: a credit-bearing course is refused', () => {
    spec
      .given([frameSet()])
      .when(measure({ creditBearing: true }))
      .thenViolatesExactly([['R5', 'creditBearing']]);
  });

  it('R18: the measures of a year never exceed its frame', () => {
    spec
      .given([frameSet(), measured('M1', 700_000)])
      .when(measure({ amount: 300_001 }))
      .thenViolatesExactly([['R18', 'amount']]);
    spec
      .given([frameSet(), measured('M1', 700_000)])
      .when(measure({ amount: 300_000 }))
      .events();
    spec
      .given([frameSet()])
      .when(measure({ year: 2028 }))
      .thenViolatesExactly([['R24', 'year']]);
  });

  it('R24: the county itself may provide without an org number; others need one; R2/R3 do not apply', () => {
    const [own] = spec
      .given([frameSet()])
      .when(measure({ provider: { kind: 'county_municipality', orgNumber: null, name: '' } }))
      .events();
    expect(own.data).toMatchObject({ provider: { kind: 'county_municipality', orgNumber: COUNTY, name: 'Rogaland fylkeskommune' } });
    spec
      .given([frameSet()])
      .when(measure({ provider: { kind: 'company', orgNumber: null, name: 'Bedrift AS' } }))
      .thenViolatesExactly([['R24', 'provider.orgNumber']]);
    spec
      .given([frameSet()])
      .when(measure({ provider: { kind: 'county_municipality', orgNumber: '964965226', name: 'x' } }))
      .thenViolatesExactly([['R24', 'provider.orgNumber']]);
    spec
      .given([frameSet()])
      .when(measure({ needIds: ['N7'] }))
      .thenViolatesExactly([['R24', 'needIds[0]']]);
  });
});
