/**
 * The columns of the ministry's evaluation export, in order: one row per measure × recipient × year
 * (docs/rules.md, "The evaluation export"). `type` drives CSV text, JSON values and typed
 * XLSX cells; `source` says where the value comes from (the event it is read from).
 */
export type ColumnType = 'text' | 'int' | 'date' | 'bool';

export interface Column {
  key: string;
  type: ColumnType;
  source: string;
}

export const COLUMNS: readonly Column[] = [
  { key: 'year', type: 'int', source: 'the school/budget year of the money line' },
  { key: 'scheme', type: 'text', source: 'NeedsAssessmentDrafted / CallOpened / AllocationDecided' },
  { key: 'ruleSetVersion', type: 'text', source: "the decision's rule set (AllocationDecided/Amended), else the call's" },
  { key: 'office', type: 'text', source: 'governor office of the assessment, recommendation or decision' },
  { key: 'countyNumber', type: 'text', source: "recipient's county (OrganisationRegistered/Amended, R19)" },
  { key: 'callId', type: 'text', source: 'NeedsAssessmentDrafted' },
  { key: 'network', type: 'bool', source: 'submitted snapshot: co-owners present (R10)' },
  { key: 'leadOwner', type: 'text', source: 'submitted snapshot' },
  { key: 'assessmentId', type: 'text', source: 'NeedsAssessmentDrafted' },
  { key: 'assessmentTitle', type: 'text', source: 'submitted snapshot content' },
  { key: 'assessmentStatus', type: 'text', source: 'draft | submitted | amended | withdrawn' },
  { key: 'assessmentLate', type: 'bool', source: 'NeedsAssessmentSubmitted (R14)' },
  { key: 'measureId', type: 'text', source: 'the measure (tiltak)' },
  { key: 'measureTitle', type: 'text', source: 'submitted snapshot measure' },
  { key: 'themes', type: 'text', source: 'snapshot themes: national goals and tags, ;-separated' },
  { key: 'recipientOrg', type: 'text', source: 'org number of the owner or university with the money line' },
  { key: 'recipientName', type: 'text', source: 'OrganisationRegistered/Amended' },
  { key: 'recipientKind', type: 'text', source: 'municipality | county_municipality | private_owner | university (R1)' },
  { key: 'municipalityNumber', type: 'text', source: 'OrganisationRegistered/Amended' },
  { key: 'universityPartner', type: 'text', source: "the measure's current university partner (R3)" },
  { key: 'universityPartnerStatus', type: 'text', source: 'PartnershipCommitted/Declined (requested when unanswered)' },
  { key: 'universityLocal', type: 'bool', source: 'the partner lies in the same governor office (R3)' },
  { key: 'subcontractors', type: 'text', source: 'SubcontractorAdded: orgNumber:share%, ;-separated (R2)' },
  { key: 'schools', type: 'int', source: 'number of schools in the measure' },
  { key: 'teachers', type: 'int', source: 'planned participants: teachers' },
  { key: 'leaders', type: 'int', source: 'planned participants: school leaders' },
  { key: 'otherStaff', type: 'int', source: 'planned participants: other staff' },
  { key: 'startYear', type: 'int', source: 'first school year of the measure (R9)' },
  { key: 'spanYears', type: 'int', source: 'number of school years, 1–3 (R9)' },
  { key: 'yearIndex', type: 'int', source: 'year − startYear + 1' },
  { key: 'requested', type: 'int', source: 'sum of budget lines for the recipient and year (kroner)' },
  { key: 'coordinator', type: 'int', source: 'budget lines in the coordinator category (R6)' },
  { key: 'plannedCoFinancing', type: 'int', source: 'co-financing lines planned in the assessment (R7)' },
  { key: 'recommended', type: 'int', source: "forum's recommendation (RecommendationRecorded/Amended)" },
  { key: 'recommendationId', type: 'text', source: 'the recommendation' },
  { key: 'recommendedOn', type: 'date', source: 'date of the forum meeting that recommended it' },
  { key: 'grantId', type: 'text', source: 'AllocationDecided' },
  { key: 'decisionStatus', type: 'text', source: 'active | revoked (AllocationRevoked)' },
  { key: 'decisionBasis', type: 'text', source: 'recommendation | no_agreement | no_recommendation (R12)' },
  { key: 'decisionYear', type: 'int', source: 'AllocationDecided' },
  { key: 'decidedOn', type: 'date', source: 'AllocationDecided' },
  { key: 'decisionAmendments', type: 'int', source: 'number of AllocationAmended' },
  { key: 'granted', type: 'int', source: 'decided amount for the year (AllocationDecided/Amended)' },
  { key: 'departsFromRecommendation', type: 'bool', source: 'AllocationDecided/Amended deviates (R12)' },
  { key: 'deviationReason', type: 'text', source: 'the recorded reason (R12)' },
  { key: 'coFinancingRequired', type: 'int', source: 'ceil(30 % × granted) for school owners (R7/R8)' },
  { key: 'coFinancingCommitted', type: 'int', source: 'GrantAccepted' },
  { key: 'acceptedOn', type: 'date', source: 'GrantAccepted' },
  { key: 'paid', type: 'int', source: 'sum of GrantPaymentRecorded' },
  { key: 'lastPaidOn', type: 'date', source: 'GrantPaymentRecorded' },
  { key: 'reportStatus', type: 'text', source: 'due | submitted | approved (R15)' },
  { key: 'reportDeadline', type: 'date', source: 'the decided line (R15)' },
  { key: 'reportSubmittedOn', type: 'date', source: 'GrantReportSubmitted' },
  { key: 'reportLate', type: 'bool', source: 'GrantReportSubmitted' },
  { key: 'reportApprovedOn', type: 'date', source: 'GrantReportApproved' },
  { key: 'spent', type: 'int', source: 'GrantReportSubmitted' },
  { key: 'unspent', type: 'int', source: 'GrantReportSubmitted' },
  { key: 'coFinancingDocumented', type: 'int', source: 'GrantReportSubmitted: money + salary + released time (R7)' },
  { key: 'coFinancingSalaryOrTime', type: 'int', source: 'GrantReportSubmitted: salary + released time (R7)' },
  { key: 'reportedParticipants', type: 'text', source: 'GrantReportSubmitted: role:count, ;-separated' },
  { key: 'claimed', type: 'int', source: 'RepaymentClaimed (R16; a claim without a year counts on the first year)' },
  { key: 'repaid', type: 'int', source: 'RepaymentSettled (R16)' },
  { key: 'evaluation', type: 'text', source: "the recipient's own evaluation (GrantReportSubmitted)" },
  { key: 'appeals', type: 'int', source: 'appeals lodged by this recipient on the measure (AppealLodged, R23)' },
  {
    key: 'appealStatus',
    type: 'text',
    source:
      'lodged | forwarded | reversed | partly_reversed | upheld_by_governor | dismissed | udir_upheld | udir_reversed | udir_partly_reversed (R23)',
  },
  { key: 'appealLodgedOn', type: 'date', source: 'AppealLodged' },
  { key: 'appealLate', type: 'bool', source: 'AppealLodged: after the three weeks (R23)' },
  { key: 'appealOutcomeOn', type: 'date', source: 'AppealReconsidered (a reversal or dismissal) or AppealDecided (Udir)' },
  {
    key: 'providerKind',
    type: 'text',
    source: "YRKESFAG: the measure's provider (university, vocational_college, trade_body, company, county_municipality; R24)",
  },
  { key: 'providerOrg', type: 'text', source: "YRKESFAG: the provider's org number" },
];

export type ExportRow = Record<string, string | number | boolean | null>;

/** Per office, scheme and year: the frame and what is charged to it, and the forum's membership. */
export const OFFICE_COLUMNS: readonly Column[] = [
  { key: 'office', type: 'text', source: 'governor office' },
  { key: 'scheme', type: 'text', source: 'scheme' },
  { key: 'year', type: 'int', source: 'frame year' },
  { key: 'frame', type: 'int', source: 'FrameSet/FrameAdjusted' },
  { key: 'committedFromEarlierYears', type: 'int', source: 'active decisions of earlier years charged to this year (R9)' },
  { key: 'decided', type: 'int', source: "this year's active decisions for this year" },
  { key: 'free', type: 'int', source: 'frame − commitments − decided (R18)' },
  { key: 'requested', type: 'int', source: 'sum of requested' },
  { key: 'recommended', type: 'int', source: 'sum of recommended' },
  { key: 'paid', type: 'int', source: 'sum of paid' },
  { key: 'repaid', type: 'int', source: 'sum of repaid' },
  { key: 'membersSchoolOwnerPublic', type: 'int', source: 'forum members during the year (R11)' },
  { key: 'membersSchoolOwnerPrivate', type: 'int', source: 'forum members during the year (R11)' },
  { key: 'membersUniversity', type: 'int', source: 'forum members during the year (R11)' },
  { key: 'membersKs', type: 'int', source: 'forum members during the year (R11)' },
  { key: 'membersTeacherUnion', type: 'int', source: 'forum members during the year (R11)' },
  { key: 'membersOther', type: 'int', source: 'forum members during the year (R11)' },
];

export const MEMBER_COLUMN: Record<string, string> = {
  school_owner_public: 'membersSchoolOwnerPublic',
  school_owner_private: 'membersSchoolOwnerPrivate',
  university: 'membersUniversity',
  ks: 'membersKs',
  teacher_union: 'membersTeacherUnion',
  other: 'membersOther',
};
