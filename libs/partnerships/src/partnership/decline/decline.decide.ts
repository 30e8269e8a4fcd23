import { ConflictError } from '#libs/kernel';
import { named, type DeclineReason, type MeasureFacts, type PartnershipEvent, type PartnershipState } from '../partnership.aggregate.js';

export interface DeclinePartnership {
  type: 'DeclinePartnership';
  university: string;
  measure: MeasureFacts;
  reason: DeclineReason;
  explanation: string;
}

/** R3: a university declines for lack of competence or capacity; it answers once. */
export function decideDeclinePartnership(c: DeclinePartnership, s: PartnershipState): PartnershipEvent[] {
  named(c);
  const m = c.measure;
  if (s.status !== 'requested') throw new ConflictError(`the university has ${s.status} this measure already`);
  return [
    {
      type: 'PartnershipDeclined',
      data: {
        measureId: m.measureId,
        assessmentId: m.assessmentId,
        university: c.university,
        office: m.office,
        reason: c.reason,
        explanation: c.explanation,
      },
    },
  ];
}
