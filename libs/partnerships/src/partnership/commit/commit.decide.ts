import { ConflictError, DomainError, ruleSetFor, type RuleViolation } from '#libs/kernel';
import { named, type MeasureFacts, type PartnershipEvent, type PartnershipState } from '../partnership.aggregate.js';

export interface CommitPartnership {
  type: 'CommitPartnership';
  university: string;
  measure: MeasureFacts;
  competenceAreas: string[];
  capacityHoursPerYear: number;
  fromYear: number;
  toYear: number;
  contactRole: string;
}

/** R3, R9: a commitment names competence areas, capacity, a period inside the measure, and a contact role; once. */
export function decideCommitPartnership(c: CommitPartnership, s: PartnershipState): PartnershipEvent[] {
  named(c);
  const m = c.measure;
  if (s.status !== 'requested') throw new ConflictError(`the university has ${s.status} this measure already`);
  const v: RuleViolation[] = [];
  const last = m.startYear + m.spanYears - 1;
  if (c.competenceAreas.filter((a) => a.trim() !== '').length === 0)
    v.push({ rule: 'R3', field: 'competenceAreas', message: 'name the competence areas the university brings' });
  if (!Number.isSafeInteger(c.capacityHoursPerYear) || c.capacityHoursPerYear <= 0)
    v.push({ rule: 'R3', field: 'capacityHoursPerYear', message: 'capacity is a whole, positive number of hours per year' });
  if (
    !Number.isInteger(c.fromYear) ||
    !Number.isInteger(c.toYear) ||
    c.fromYear > c.toYear ||
    c.fromYear < m.startYear ||
    c.toYear > last
  ) {
    v.push({ rule: 'R9', field: 'period', message: `the period lies within the measure's school years ${m.startYear}–${last}` });
  }
  if (c.contactRole.trim() === '') v.push({ rule: 'R3', field: 'contactRole', message: 'name the contact role' });
  if (v.length) throw new DomainError(v);
  const { competenceAreas, capacityHoursPerYear, fromYear, toYear, contactRole } = c;
  return [
    {
      type: 'PartnershipCommitted',
      data: {
        measureId: m.measureId,
        assessmentId: m.assessmentId,
        university: c.university,
        office: m.office,
        competenceAreas,
        capacityHoursPerYear,
        fromYear,
        toYear,
        contactRole,
        ruleSetVersion: ruleSetFor(m.scheme, m.year).version,
      },
    },
  ];
}
