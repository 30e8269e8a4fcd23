import type { Warning } from '#libs/platform';
import type { PartnershipRow } from '#libs/kernel';
import type { AssessmentSnapshot, NeedsAssessmentState } from '../../needs-assessment/needs-assessment.types.js';

export interface AssessmentSummaryView {
  assessmentId: string;
  callId: string;
  office: string;
  officeName: string | null;
  scheme: string;
  year: number;
  leadOwner: string;
  /** Names as the organisation events told them (then, with `asOf`); null when none named the organisation. */
  leadOwnerName: string | null;
  networkMembers: Array<{ org: string; name: string | null }>;
  title: string;
  status: string;
  network: boolean;
  late: boolean;
  versions: number;
  warnings: Warning[];
  deadline: string | null;
  submittedAt: string | null;
  version: number;
}

export interface AssessmentDetailView extends AssessmentSummaryView {
  ruleSetVersion: string;
  revision: number;
  withdrawnReason: string | null;
  content: NeedsAssessmentState['content'];
  members: Array<{ org: string; name: string | null; role: string; confirmedRevision: number | null; confirmedCurrent: boolean }>;
  measures: Array<NeedsAssessmentState['measures'][number] & { universityName: string | null; partnerships: PartnershipRow[] }>;
  versionList: Array<{ versionNo: number; kind: string; late: boolean; submittedOn: string; reason: string | null; recordedAt: string }>;
}

export interface AssessmentVersionView {
  assessmentId: string;
  versionNo: number;
  kind: string;
  late: boolean;
  submittedOn: string;
  deadline: string;
  reason: string | null;
  snapshot: AssessmentSnapshot;
  warnings: Warning[];
  recordedAt: string;
}
