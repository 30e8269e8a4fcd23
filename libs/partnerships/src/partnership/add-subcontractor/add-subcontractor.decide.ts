import { ConflictError, DomainError, ruleSetFor, type RuleViolation } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import { isValidOrgNumber } from '#libs/reference-data';
import { named, type MeasureFacts, type PartnershipEvent, type PartnershipState, type Subcontractor } from '../partnership.aggregate.js';

export interface AddSubcontractor {
  type: 'AddSubcontractor';
  university: string;
  measure: MeasureFacts;
  subcontractor: Subcontractor;
}

/** R2, R19: third parties come under a committed university's own line; above the configured share is a warning. */
export function decideAddSubcontractor(c: AddSubcontractor, s: PartnershipState): PartnershipEvent[] {
  named(c);
  const m = c.measure;
  if (s.status !== 'committed') throw new ConflictError('a university adds subcontractors under its line after committing to the measure');
  const sub = c.subcontractor;
  const v: RuleViolation[] = [];
  if (!isValidOrgNumber(sub.orgNumber))
    v.push({ rule: 'R19', field: 'orgNumber', message: `${sub.orgNumber} is not a valid organisation number (mod 11)` });
  if (sub.orgNumber === c.university) v.push({ rule: 'R2', field: 'orgNumber', message: 'the university cannot be its own subcontractor' });
  if (s.subcontractors.some((x) => x.orgNumber === sub.orgNumber)) throw new ConflictError(`${sub.orgNumber} is a subcontractor already`);
  if (!Number.isInteger(sub.sharePercent) || sub.sharePercent < 1 || sub.sharePercent > 100)
    v.push({ rule: 'R2', field: 'sharePercent', message: 'the share is a whole percentage of the university line, 1–100' });
  const total = s.subcontractors.reduce((a, x) => a + x.sharePercent, 0) + sub.sharePercent;
  if (total > 100) v.push({ rule: 'R2', field: 'sharePercent', message: `subcontractors would take ${total} % of the university's line` });
  if (v.length) throw new DomainError(v);
  const rules = ruleSetFor(m.scheme, m.year);
  const warnings: Warning[] =
    total > rules.subcontractorWarnPercent
      ? [
          {
            rule: 'R2',
            field: 'sharePercent',
            message: `subcontractors take ${total} % of the university's line, above ${rules.subcontractorWarnPercent} %: the university must still build competence itself`,
          },
        ]
      : [];
  return [
    {
      type: 'SubcontractorAdded',
      data: {
        measureId: m.measureId,
        assessmentId: m.assessmentId,
        university: c.university,
        subcontractor: sub,
        totalSharePercent: total,
        warnings,
      },
    },
  ];
}
