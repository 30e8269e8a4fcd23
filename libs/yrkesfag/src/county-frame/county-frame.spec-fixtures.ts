import type { Organisation } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { YrkesfagFrame, type YrkesfagEvent } from './county-frame.aggregate.js';
import type { RecordMeasure } from './record-measure/record-measure.decide.js';

/** Shared Given-events of the YRKESFAG decide specs: Rogaland fylkeskommune, a 1 000 000 kroner frame for 2027. */
export const spec = deciderSpec(YrkesfagFrame.decider);

export const COUNTY = '971045698';
export const ROGALAND_FK: Organisation = {
  orgNumber: COUNTY,
  name: 'Rogaland fylkeskommune',
  kind: 'county_municipality',
  municipalityNumber: null,
  countyNumber: '11',
  office: 'ROGALAND',
};

export const frameSet = (year = 2027, amount = 1_000_000): YrkesfagEvent => ({
  type: 'YrkesfagFrameSet',
  data: {
    county: COUNTY,
    countyName: 'Rogaland fylkeskommune',
    year,
    amount,
    reportDeadline: `${year + 1}-01-15`,
    ruleSetVersion: 'yrkesfag-2021.1',
  },
});
export const paid = (amount: number, year = 2027, n = 1): YrkesfagEvent => ({
  type: 'YrkesfagPaymentMade',
  data: { county: COUNTY, year, paymentId: `P${n}`, amount, paidOn: `${year}-03-01` },
});
export const need: YrkesfagEvent = {
  type: 'YrkesfagNeedRecorded',
  data: {
    county: COUNTY,
    needId: 'N1',
    year: 2027,
    fromOrg: '974600951',
    source: 'training_company',
    targetGroups: ['instructors'],
    programmeAreas: ['EL'],
    description: 'Veiledning',
  },
};
export const measured = (measureId: string, amount: number, year = 2027): YrkesfagEvent => ({
  type: 'YrkesfagMeasureRecorded',
  data: {
    county: COUNTY,
    measureId,
    year,
    title: `Tiltak ${measureId}`,
    provider: { kind: 'vocational_college', orgNumber: '974767880', name: 'Fagskolen Rogaland' },
    targetGroups: ['instructors'],
    programmeAreas: ['EL'],
    needIds: [],
    amount,
  },
});
export const spentOn = (measureId: string, amount: number, spendingId = 'S1'): YrkesfagEvent => ({
  type: 'YrkesfagSpendingRecorded',
  data: {
    county: COUNTY,
    spendingId,
    year: 2027,
    measureId,
    amount,
    spentOn: '2027-10-01',
    participants: { vocational_teachers: 3, instructors: 10, professional_leaders: 2, examination_board_members: 1 },
  },
});
export const reported = (year = 2027, late = false): YrkesfagEvent => ({
  type: 'YrkesfagReportSubmitted',
  data: {
    county: COUNTY,
    year,
    submittedOn: `${year + 1}-01-10`,
    deadline: `${year + 1}-01-15`,
    late,
    evaluation: 'Bra',
    paid: 0,
    spent: 0,
    unspent: 0,
  },
});

export const measure = (extra: Partial<RecordMeasure> = {}): RecordMeasure => ({
  type: 'RecordMeasure',
  year: 2027,
  title: 'Veiledning av lærlinger',
  provider: { kind: 'vocational_college', orgNumber: '974767880', name: 'Fagskolen Rogaland' },
  targetGroups: ['instructors', 'professional_leaders'],
  programmeAreas: ['EL', 'TP'],
  needIds: [],
  amount: 400_000,
  creditBearing: false,
  ...extra,
});
