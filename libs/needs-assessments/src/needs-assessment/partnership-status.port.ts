/**
 * What the needs-assessment side needs to know of the universities' answers, which live in the partnerships
 * capability's own streams. Implemented and provided (globally) by the partnerships module, so this library does
 * not depend on it.
 */
export type PartnershipAnswer = 'requested' | 'committed' | 'declined';

export interface PartnershipRow {
  measureId: string;
  university: string;
  status: PartnershipAnswer;
  reason: string | null;
}

export interface PartnershipStatusPort {
  /** For commands: read from the partnership streams, so always current. Keys `${measureId}:${university}` that declined. */
  declined(pairs: Array<{ measureId: string; university: string }>): Promise<string[]>;
  /** For queries: the answers recorded for these measures, from the read model (as of a position). */
  forMeasures(measureIds: string[], asOf?: number): Promise<PartnershipRow[]>;
}

export const PARTNERSHIP_STATUS = Symbol('PARTNERSHIP_STATUS');
