import { ConflictError, DomainError, NotFoundError, ruleSetFor, type OrgKind, type RuleViolation, type Scheme } from '#libs/kernel';
import type { Decider, DomainEvent, Warning } from '#libs/platform';
import { isValidOrgNumber } from '#libs/reference-data';

/**
 * A university's answer to a measure that names it as partner (R3): commit (competence areas, capacity, period,
 * contact role) or decline with a reason; after committing it may add subcontractors under its own line (R2).
 * Stream `Partnership-<measureId>-<universityOrg>`: the university writes only its own stream, never the owners'.
 */
export const partnershipStream = (measureId: string, universityOrg: string) => `Partnership-${measureId}-${universityOrg}`;

export const DECLINE_REASONS = ['competence', 'capacity'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Facts about the measure, looked up by the handler from the needs-assessment stream. */
export interface MeasureFacts {
  assessmentId: string;
  measureId: string;
  office: string;
  scheme: Scheme;
  year: number;
  startYear: number;
  spanYears: number;
  /** Whether the measure currently names this university as its partner. */
  namesUniversity: boolean;
  withdrawn: boolean;
}

export interface Subcontractor {
  orgNumber: string;
  name: string;
  kind: OrgKind | null;
  /** Share of the university's line, in whole percent. */
  sharePercent: number;
  task: string;
}

export type PartnershipCommand =
  | { type: 'CommitPartnership'; university: string; measure: MeasureFacts; competenceAreas: string[]; capacityHoursPerYear: number; fromYear: number; toYear: number; contactRole: string }
  | { type: 'DeclinePartnership'; university: string; measure: MeasureFacts; reason: DeclineReason; explanation: string }
  | { type: 'AddSubcontractor'; university: string; measure: MeasureFacts; subcontractor: Subcontractor };

export type PartnershipEvent =
  | DomainEvent<'PartnershipCommitted', { measureId: string; assessmentId: string; university: string; office: string; competenceAreas: string[]; capacityHoursPerYear: number; fromYear: number; toYear: number; contactRole: string; ruleSetVersion: string }>
  | DomainEvent<'PartnershipDeclined', { measureId: string; assessmentId: string; university: string; office: string; reason: DeclineReason; explanation: string }>
  | DomainEvent<'SubcontractorAdded', { measureId: string; assessmentId: string; university: string; subcontractor: Subcontractor; totalSharePercent: number; warnings: Warning[] }>;

export interface PartnershipState {
  status: 'requested' | 'committed' | 'declined';
  subcontractors: Subcontractor[];
}

function named(c: { university: string; measure: MeasureFacts }): void {
  // R20: a university reads only measures that name it; others learn nothing (404).
  if (!c.measure.namesUniversity) throw new NotFoundError('measure', c.measure.measureId);
  if (c.measure.withdrawn) throw new ConflictError('the needs assessment was withdrawn');
}

export const partnershipDecider: Decider<PartnershipCommand, PartnershipState, PartnershipEvent> = {
  initialState: { status: 'requested', subcontractors: [] },

  evolve(s, e) {
    switch (e.type) {
      case 'PartnershipCommitted':
        return { ...s, status: 'committed' };
      case 'PartnershipDeclined':
        return { ...s, status: 'declined' };
      case 'SubcontractorAdded':
        return { ...s, subcontractors: [...s.subcontractors, e.data.subcontractor] };
    }
  },

  decide(c, s) {
    const m = c.measure;
    switch (c.type) {
      case 'CommitPartnership': {
        named(c);
        if (s.status !== 'requested') throw new ConflictError(`the university has ${s.status} this measure already`);
        const v: RuleViolation[] = [];
        const last = m.startYear + m.spanYears - 1;
        if (c.competenceAreas.filter((a) => a.trim() !== '').length === 0) v.push({ rule: 'R3', field: 'competenceAreas', message: 'name the competence areas the university brings' });
        if (!Number.isSafeInteger(c.capacityHoursPerYear) || c.capacityHoursPerYear <= 0) v.push({ rule: 'R3', field: 'capacityHoursPerYear', message: 'capacity is a whole, positive number of hours per year' });
        if (!Number.isInteger(c.fromYear) || !Number.isInteger(c.toYear) || c.fromYear > c.toYear || c.fromYear < m.startYear || c.toYear > last) {
          v.push({ rule: 'R9', field: 'period', message: `the period lies within the measure's school years ${m.startYear}–${last}` });
        }
        if (c.contactRole.trim() === '') v.push({ rule: 'R3', field: 'contactRole', message: 'name the contact role' });
        if (v.length) throw new DomainError(v);
        return [
          {
            type: 'PartnershipCommitted',
            data: {
              measureId: m.measureId,
              assessmentId: m.assessmentId,
              university: c.university,
              office: m.office,
              competenceAreas: c.competenceAreas,
              capacityHoursPerYear: c.capacityHoursPerYear,
              fromYear: c.fromYear,
              toYear: c.toYear,
              contactRole: c.contactRole,
              ruleSetVersion: ruleSetFor(m.scheme, m.year).version,
            },
          },
        ];
      }
      case 'DeclinePartnership': {
        named(c);
        if (s.status !== 'requested') throw new ConflictError(`the university has ${s.status} this measure already`);
        return [{ type: 'PartnershipDeclined', data: { measureId: m.measureId, assessmentId: m.assessmentId, university: c.university, office: m.office, reason: c.reason, explanation: c.explanation } }];
      }
      case 'AddSubcontractor': {
        named(c);
        if (s.status !== 'committed') throw new ConflictError('a university adds subcontractors under its line after committing to the measure');
        const sub = c.subcontractor;
        const v: RuleViolation[] = [];
        if (!isValidOrgNumber(sub.orgNumber)) v.push({ rule: 'R19', field: 'orgNumber', message: `${sub.orgNumber} is not a valid organisation number (mod 11)` });
        if (sub.orgNumber === c.university) v.push({ rule: 'R2', field: 'orgNumber', message: 'the university cannot be its own subcontractor' });
        if (s.subcontractors.some((x) => x.orgNumber === sub.orgNumber)) throw new ConflictError(`${sub.orgNumber} is a subcontractor already`);
        if (!Number.isInteger(sub.sharePercent) || sub.sharePercent < 1 || sub.sharePercent > 100) v.push({ rule: 'R2', field: 'sharePercent', message: 'the share is a whole percentage of the university line, 1–100' });
        const total = s.subcontractors.reduce((a, x) => a + x.sharePercent, 0) + sub.sharePercent;
        if (total > 100) v.push({ rule: 'R2', field: 'sharePercent', message: `subcontractors would take ${total} % of the university's line` });
        if (v.length) throw new DomainError(v);
        const rules = ruleSetFor(m.scheme, m.year);
        const warnings: Warning[] =
          total > rules.subcontractorWarnPercent
            ? [{ rule: 'R2', field: 'sharePercent', message: `subcontractors take ${total} % of the university's line, above ${rules.subcontractorWarnPercent} %: the university must still build competence itself` }]
            : [];
        return [{ type: 'SubcontractorAdded', data: { measureId: m.measureId, assessmentId: m.assessmentId, university: c.university, subcontractor: sub, totalSharePercent: total, warnings } }];
      }
    }
  },
};
