/** Shared fixtures of the partnership decide specs (test support, not used in production). */
import { deciderSpec } from '#libs/testing';
import { Partnership, type MeasureFacts, type PartnershipEvent } from './partnership.aggregate.js';
import type { AddSubcontractor } from './add-subcontractor/add-subcontractor.decide.js';
import type { CommitPartnership } from './commit/commit.decide.js';

export const spec = deciderSpec(Partnership.decider);
export const UIS = '971564679';
export const measure: MeasureFacts = {
  assessmentId: 'a-1',
  measureId: 'm-1',
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  year: 2027,
  startYear: 2027,
  spanYears: 2,
  namesUniversity: true,
  withdrawn: false,
};
export const commit: CommitPartnership = {
  type: 'CommitPartnership',
  university: UIS,
  measure,
  competenceAreas: ['lesing'],
  capacityHoursPerYear: 300,
  fromYear: 2027,
  toYear: 2028,
  contactRole: 'faglig leder',
};
export const committed: PartnershipEvent = {
  type: 'PartnershipCommitted',
  data: {
    measureId: 'm-1',
    assessmentId: 'a-1',
    university: UIS,
    office: 'ROGALAND',
    competenceAreas: ['lesing'],
    capacityHoursPerYear: 300,
    fromYear: 2027,
    toYear: 2028,
    contactRole: 'faglig leder',
    ruleSetVersion: 'dekomp-2021.1',
  },
};
export const sub = (orgNumber: string, sharePercent: number): AddSubcontractor => ({
  type: 'AddSubcontractor',
  university: UIS,
  measure,
  subcontractor: { orgNumber, name: 'Kurs AS', kind: 'commercial', sharePercent, task: 'workshops' },
});
