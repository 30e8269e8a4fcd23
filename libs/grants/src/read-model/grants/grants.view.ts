export interface FrameView {
  office: string;
  officeName: string | null;
  scheme: string;
  year: number;
  frame: number;
  adjustments: number;
  /** R9: decisions of earlier years charged to this year's frame. */
  committedFromEarlierYears: number;
  decidedThisYear: number;
  free: number;
  /** This year's decisions charged to later years' frames. */
  committedToLaterYears: number;
  paid: number;
  repaymentClaimed: number;
  repaid: number;
  /** The frame ledger's version (If-Match for adjustments). */
  version: number;
}

export interface GrantYearView {
  year: number;
  recommended: number | null;
  decided: number;
  coFinancingRequired: number;
  coFinancingCommitted: number | null;
  coFinancingDocumented: number | null;
  coFinancingShortfall: number | null;
  paid: number;
  reportDeadline: string;
  reportStatus: 'due' | 'submitted' | 'approved';
  reportOverdue: boolean;
  reportSubmittedOn: string | null;
  reportLate: boolean | null;
  report: unknown;
  repaymentClaimed: number;
  repaid: number;
}

export interface PaymentView {
  paymentId: string;
  year: number;
  amount: number;
  paidOn: string;
}

export interface ClaimView {
  claimId: string;
  year: number | null;
  amount: number;
  reason: string;
  claimedOn: string;
  settled: number;
  outstanding: number;
}

export interface GrantView {
  grantId: string;
  office: string;
  officeName: string | null;
  scheme: string;
  decisionYear: number;
  callId: string;
  measureId: string;
  /** The measure's title as its needs assessment told it (then, with `asOf`). */
  measureTitle: string | null;
  recipientOrg: string;
  /** The recipient's name as its organisation events told it (then, with `asOf`). */
  recipientName: string | null;
  recipientKind: string;
  status: 'active' | 'revoked';
  basis: string;
  recommendationId: string | null;
  deviates: boolean;
  deviationReason: string | null;
  ruleSetVersion: string;
  decidedOn: string;
  decisionDate: string;
  amendments: number;
  revocationReason: string | null;
  warnings: unknown[];
  acceptedOn: string | null;
  years: GrantYearView[];
  payments: PaymentView[];
  claims: ClaimView[];
  /**
   * The grant's version, the ETag every command on it checks (If-Match): the ledger's events about it (decision,
   * amendments, revocation) plus its own stream's version (acceptance, payments, reports, claims).
   */
  version: number;
  /** The frame ledger's version when the decision was last changed. */
  decisionVersion: number;
}

export interface GovernorOverview {
  office: string;
  officeName: string | null;
  scheme: string;
  year: number;
  today: string;
  frame: FrameView | null;
  /** Per recipient and measure, the money for this year (this year's decisions and earlier commitments). */
  lines: Array<
    Omit<GrantYearView, 'report'> & {
      grantId: string;
      measureId: string;
      measureTitle: string | null;
      recipientOrg: string;
      recipientName: string | null;
      recipientKind: string;
      decisionYear: number;
      status: string;
      deviates: boolean;
      accepted: boolean;
    }
  >;
  /** R15: reports past their deadline, any year, in the office and scheme. */
  overdue: Array<{ grantId: string; recipientOrg: string; recipientName: string | null; year: number; reportDeadline: string }>;
  /** R7: documented co-financing below the minimum. */
  shortfall: Array<{
    grantId: string;
    recipientOrg: string;
    recipientName: string | null;
    year: number;
    coFinancingRequired: number;
    coFinancingDocumented: number;
    coFinancingShortfall: number;
  }>;
}

export interface RecipientOverview {
  org: string;
  /** The organisation's name (from its grants' read model, as of then). */
  orgName: string | null;
  today: string;
  grants: GrantView[];
  obligations: Array<
    | { kind: 'co_financing'; grantId: string; year: number; required: number; committed: number | null; documented: number | null }
    | { kind: 'report'; grantId: string; year: number; deadline: string; status: string; overdue: boolean }
    | { kind: 'repayment'; grantId: string; claimId: string; amount: number; outstanding: number; reason: string }
  >;
  payments: Array<PaymentView & { grantId: string }>;
}
