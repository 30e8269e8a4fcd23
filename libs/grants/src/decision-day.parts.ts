import { DraftProposalHandler } from './allocation-proposal/draft-proposal/draft-proposal.handler.js';
import { DraftProposalRoute } from './allocation-proposal/draft-proposal/draft-proposal.route.js';
import { DecideAllocationsHandler } from './frame-ledger/decide-allocations/decide-allocations.handler.js';
import { DecideAllocationsRoute } from './frame-ledger/decide-allocations/decide-allocations.route.js';
import { DecisionFacts } from './frame-ledger/decide-allocations/decision-facts.js';
import { ExtendReportDeadlineHandler } from './frame-ledger/extend-report-deadline/extend-report-deadline.handler.js';
import { ImportCommitmentsHandler } from './frame-ledger/import-commitments/import-commitments.handler.js';
import { ImportCommitmentsRoute } from './frame-ledger/import-commitments/import-commitments.route.js';
import { ReportDeadlinesRoute } from './frame-ledger/set-report-deadline/report-deadlines.route.js';
import { SetReportDeadlineHandler } from './frame-ledger/set-report-deadline/set-report-deadline.handler.js';
import { SimulateDecisionsHandler } from './frame-ledger/simulate-decisions/simulate-decisions.handler.js';
import { SimulateDecisionsRoute } from './frame-ledger/simulate-decisions/simulate-decisions.route.js';
import { RunPaymentsHandler } from './payment-run/run-payments/run-payments.handler.js';
import { RunPaymentsRoute } from './payment-run/run-payments/run-payments.route.js';

/** Decision day at an office's scale (R25, R26, bulk decisions, what-ifs, payment runs, imported commitments). */
export const DECISION_DAY_CONTROLLERS = [
  DraftProposalRoute,
  DecideAllocationsRoute,
  SimulateDecisionsRoute,
  ReportDeadlinesRoute,
  ImportCommitmentsRoute,
  RunPaymentsRoute,
];
export const DECISION_DAY_PROVIDERS = [
  DecisionFacts,
  DraftProposalHandler,
  DecideAllocationsHandler,
  SimulateDecisionsHandler,
  SetReportDeadlineHandler,
  ExtendReportDeadlineHandler,
  ImportCommitmentsHandler,
  RunPaymentsHandler,
];
