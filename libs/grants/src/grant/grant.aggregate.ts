import type { OrgKind, Scheme } from '#libs/kernel';
import { defineAggregate, type DomainEvent, type Warning } from '#libs/platform';
import type { DecidedLine } from '../frame-ledger/frame-ledger.aggregate.js';
import { decideAcceptGrant, type AcceptGrant } from './accept-grant/accept-grant.decide.js';
import { decideApproveReport, type ApproveReport } from './approve-report/approve-report.decide.js';
import { decideClaimRepayment, type ClaimRepayment } from './claim-repayment/claim-repayment.decide.js';
import { decideRecordPayment, type RecordPayment } from './record-payment/record-payment.decide.js';
import { decideSettleRepayment, type SettleRepayment } from './settle-repayment/settle-repayment.decide.js';
import { decideSubmitReport, type SubmitReport } from './submit-report/submit-report.decide.js';

/**
 * The life of one grant after the decision: acceptance with co-financing (egenandel), payments, reports,
 * approval, repayment claims and their settlement. The decision itself lives in the frame ledger; handlers read
 * it there and pass it in as `grant`.
 */
export type GrantCommand = AcceptGrant | RecordPayment | SubmitReport | ApproveReport | ClaimRepayment | SettleRepayment;

export interface GrantFacts {
  grantId: string;
  office: string;
  scheme: Scheme;
  recipientOrg: string;
  recipientKind: OrgKind;
  status: 'active' | 'revoked';
  /** The decided lines, each with its R7/R8 co-financing minimum. */
  lines: DecidedLine[];
}

/** Co-financing by form (R7): money, salary, or released staff time valued in kroner, in any mix. */
export interface CoFinancingForms {
  money: number;
  salary: number;
  releasedTime: number;
}

export interface CoFinancingLine extends CoFinancingForms {
  year: number;
}

export interface ParticipantCount {
  role: string;
  count: number;
}

export interface OverdueReport {
  grantId: string;
  year: number;
  deadline: string;
}

export interface GrantBase {
  grantId: string;
  office: string;
  scheme: Scheme;
  recipientOrg: string;
}

export interface ReportSubmittedData extends GrantBase {
  year: number;
  spent: number;
  unspent: number;
  coFinancingProvided: CoFinancingForms & { total: number };
  coFinancingRequired: number;
  /** R7: documented below the minimum (null: no shortfall). */
  coFinancingShortfall: { required: number; documented: number; missing: number } | null;
  participants: ParticipantCount[];
  evaluation: string;
  teacherEducationFeedback: string | null;
  submittedOn: string;
  deadline: string;
  late: boolean;
  warnings: Warning[];
}

export type GrantAccepted = DomainEvent<
  'GrantAccepted',
  GrantBase & { coFinancing: Array<CoFinancingLine & { committed: number; required: number }>; acceptedOn: string }
>;
export type GrantPaymentRecorded = DomainEvent<
  'GrantPaymentRecorded',
  GrantBase & { paymentId: string; year: number; amount: number; paidOn: string }
>;
export type GrantReportSubmitted = DomainEvent<'GrantReportSubmitted', ReportSubmittedData>;
export type GrantReportApproved = DomainEvent<'GrantReportApproved', GrantBase & { year: number; approvedOn: string }>;
export type RepaymentClaimed = DomainEvent<
  'RepaymentClaimed',
  GrantBase & { claimId: string; year: number | null; amount: number; reason: string; claimedOn: string }
>;
export type RepaymentSettled = DomainEvent<
  'RepaymentSettled',
  GrantBase & { claimId: string; amount: number; settledOn: string; outstanding: number }
>;
export type GrantEvent =
  GrantAccepted | GrantPaymentRecorded | GrantReportSubmitted | GrantReportApproved | RepaymentClaimed | RepaymentSettled;

export interface GrantState {
  accepted: boolean;
  paid: Record<number, number>;
  reports: Record<number, 'submitted' | 'approved'>;
  claims: Record<string, { amount: number; settled: number }>;
}

export const initialGrantState: GrantState = { accepted: false, paid: {}, reports: {}, claims: {} };

export function evolveGrant(state: GrantState, event: GrantEvent): GrantState {
  switch (event.type) {
    case 'GrantAccepted':
      return { ...state, accepted: true };
    case 'GrantPaymentRecorded':
      return { ...state, paid: { ...state.paid, [event.data.year]: (state.paid[event.data.year] ?? 0) + event.data.amount } };
    case 'GrantReportSubmitted':
      return { ...state, reports: { ...state.reports, [event.data.year]: 'submitted' } };
    case 'GrantReportApproved':
      return { ...state, reports: { ...state.reports, [event.data.year]: 'approved' } };
    case 'RepaymentClaimed':
      return { ...state, claims: { ...state.claims, [event.data.claimId]: { amount: event.data.amount, settled: 0 } } };
    case 'RepaymentSettled': {
      const c = state.claims[event.data.claimId];
      return { ...state, claims: { ...state.claims, [event.data.claimId]: { ...c, settled: c.settled + event.data.amount } } };
    }
  }
}

export function decideGrant(command: GrantCommand, state: GrantState): GrantEvent[] {
  switch (command.type) {
    case 'AcceptGrant':
      return decideAcceptGrant(command, state);
    case 'RecordPayment':
      return decideRecordPayment(command, state);
    case 'SubmitReport':
      return decideSubmitReport(command, state);
    case 'ApproveReport':
      return decideApproveReport(command, state);
    case 'ClaimRepayment':
      return decideClaimRepayment(command, state);
    case 'SettleRepayment':
      return decideSettleRepayment(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const Grant = defineAggregate<GrantCommand, GrantState, GrantEvent>({
  name: 'Grant',
  decider: { initialState: initialGrantState, evolve: evolveGrant, decide: decideGrant },
  eventTypes: {
    GrantAccepted: 1,
    GrantPaymentRecorded: 1,
    GrantReportSubmitted: 1,
    GrantReportApproved: 1,
    RepaymentClaimed: 1,
    RepaymentSettled: 1,
  },
});
