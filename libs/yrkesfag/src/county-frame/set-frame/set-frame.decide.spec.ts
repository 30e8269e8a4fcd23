import { ConflictError } from '#libs/kernel';
import { COUNTY, frameSet, ROGALAND_FK, spec } from '../county-frame.spec-fixtures.js';
import type { SetFrame } from './set-frame.decide.js';

const set = (extra: Partial<SetFrame> = {}): SetFrame => ({
  type: 'SetFrame',
  county: COUNTY,
  year: 2027,
  amount: 1_000_000,
  reportDeadline: '2028-01-15',
  organisation: ROGALAND_FK,
  ...extra,
});

describe('set a YRKESFAG frame (R24, R26)', () => {
  it('Given nothing, When Udir sets the frame of a county municipality, Then YrkesfagFrameSet with the rule-set version', () => {
    spec.given([]).when(set()).then([frameSet()]);
  });

  it('R24: a frame for anything but a county municipality (or an unregistered one) is refused', () => {
    spec
      .given([])
      .when(set({ organisation: { ...ROGALAND_FK, kind: 'municipality' } }))
      .thenViolatesExactly([['R24', 'countyOrg']]);
    spec
      .given([])
      .when(set({ organisation: null }))
      .thenViolatesExactly([['R24', 'countyOrg']]);
  });

  it('R24: Oslo kommune, a municipality with the county duties of Oslo, gets a frame; another municipality does not', () => {
    const oslo = { ...ROGALAND_FK, name: 'Oslo kommune', kind: 'municipality' as const, municipalityNumber: '0301', countyNumber: '03' };
    const [event] = spec
      .given([])
      .when(set({ organisation: oslo }))
      .events();
    expect(event).toMatchObject({ type: 'YrkesfagFrameSet', data: { county: oslo.orgNumber, countyName: 'Oslo kommune' } });
    spec
      .given([])
      .when(set({ organisation: { ...oslo, name: 'Bærum kommune', municipalityNumber: '3201' } }))
      .thenViolatesExactly([['R24', 'countyOrg']]);
  });

  it('Given a frame for the year, When set again, Then a conflict; another year is a new frame in the same stream', () => {
    spec.given([frameSet()]).when(set()).thenThrows(ConflictError);
    expect(
      spec
        .given([frameSet()])
        .when(set({ year: 2028, reportDeadline: '2029-01-15' }))
        .events(),
    ).toEqual([frameSet(2028)]);
  });

  it('R26: the report cannot be due before the year begins', () => {
    spec
      .given([])
      .when(set({ reportDeadline: '2026-12-31' }))
      .thenViolates('R26', 'reportDeadline');
  });
});
