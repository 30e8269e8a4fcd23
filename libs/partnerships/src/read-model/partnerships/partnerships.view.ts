import type { Warning } from '#libs/platform';
import type { Subcontractor } from '../../partnership/partnership.aggregate.js';

export interface PartnershipView {
  measureId: string;
  measureTitle: string;
  assessmentId: string;
  callId: string;
  office: string;
  officeName: string | null;
  leadOwner: string;
  /** Names as the organisation events told them (then, with `asOf`); null when no event named the organisation. */
  leadOwnerName: string | null;
  assessmentStatus: string;
  university: string;
  universityName: string | null;
  /** Whether the measure names this university now (false once it declined and was replaced). */
  current: boolean;
  local: boolean | null;
  status: 'requested' | 'committed' | 'declined';
  declineReason: string | null;
  explanation: string | null;
  competenceAreas: string[] | null;
  capacityHoursPerYear: number | null;
  fromYear: number | null;
  toYear: number | null;
  contactRole: string | null;
  subcontractors: Subcontractor[];
  subcontractorSharePercent: number;
  warnings: Warning[];
  measure: {
    title: string;
    description: string;
    targetGroup: string;
    schools: string[];
    participants: unknown;
    startYear: number;
    spanYears: number;
  };
  version: number;
}

export interface CapacityView {
  university: string;
  years: Array<{ year: number; hours: number; measures: number }>;
}
