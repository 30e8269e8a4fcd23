import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdjustFrameHandler } from './frame-ledger/adjust-frame/adjust-frame.handler.js';
import { AdjustFrameRoute } from './frame-ledger/adjust-frame/adjust-frame.route.js';
import { AmendAllocationHandler } from './frame-ledger/amend-allocation/amend-allocation.handler.js';
import { AmendAllocationRoute } from './frame-ledger/amend-allocation/amend-allocation.route.js';
import { DecideAllocationHandler } from './frame-ledger/decide-allocation/decide-allocation.handler.js';
import { DecideAllocationRoute } from './frame-ledger/decide-allocation/decide-allocation.route.js';
import { LedgerGrantRunner } from './frame-ledger/ledger-grant-runner.js';
import { RevokeAllocationHandler } from './frame-ledger/revoke-allocation/revoke-allocation.handler.js';
import { RevokeAllocationRoute } from './frame-ledger/revoke-allocation/revoke-allocation.route.js';
import { SetFrameHandler } from './frame-ledger/set-frame/set-frame.handler.js';
import { SetFrameRoute } from './frame-ledger/set-frame/set-frame.route.js';
import { AcceptGrantHandler } from './grant/accept-grant/accept-grant.handler.js';
import { AcceptGrantRoute } from './grant/accept-grant/accept-grant.route.js';
import { ApproveReportHandler } from './grant/approve-report/approve-report.handler.js';
import { ApproveReportRoute } from './grant/approve-report/approve-report.route.js';
import { ClaimRepaymentHandler } from './grant/claim-repayment/claim-repayment.handler.js';
import { ClaimRepaymentRoute } from './grant/claim-repayment/claim-repayment.route.js';
import { GrantCommandRunner } from './grant/grant-command-runner.js';
import { GrantFactsLoader } from './grant/grant-facts.js';
import { RecordPaymentHandler } from './grant/record-payment/record-payment.handler.js';
import { RecordPaymentRoute } from './grant/record-payment/record-payment.route.js';
import { SettleRepaymentHandler } from './grant/settle-repayment/settle-repayment.handler.js';
import { SettleRepaymentRoute } from './grant/settle-repayment/settle-repayment.route.js';
import { SubmitReportHandler } from './grant/submit-report/submit-report.handler.js';
import { SubmitReportRoute } from './grant/submit-report/submit-report.route.js';
import { GetFrameLedgerHistoryHandler, ListFramesHandler } from './read-model/grants/frames.queries.js';
import { FramesRoute } from './read-model/grants/frames.route.js';
import { GetGrantHandler, GetGrantHistoryHandler, ListGrantsHandler } from './read-model/grants/grants.queries.js';
import { GrantsRoute } from './read-model/grants/grants.route.js';
import { GetGovernorOverviewHandler, GetRecipientOverviewHandler } from './read-model/grants/overviews.queries.js';
import { GrantOverviewsRoute } from './read-model/grants/overviews.route.js';
import { LETTERS_AND_APPEALS_CONTROLLERS, LETTERS_AND_APPEALS_PROVIDERS } from './letters-and-appeals.parts.js';
import { DECISION_DAY_CONTROLLERS, DECISION_DAY_PROVIDERS } from './decision-day.parts.js';

/** Frames, allocation decisions, acceptance and co-financing, payments, reports and settlement. */
@Module({
  imports: [CqrsModule],
  controllers: [
    ...[SetFrameRoute, AdjustFrameRoute, DecideAllocationRoute, AmendAllocationRoute, RevokeAllocationRoute],
    ...[AcceptGrantRoute, RecordPaymentRoute, SubmitReportRoute, ApproveReportRoute, ClaimRepaymentRoute, SettleRepaymentRoute],
    ...[FramesRoute, GrantsRoute, GrantOverviewsRoute],
    ...LETTERS_AND_APPEALS_CONTROLLERS,
    ...DECISION_DAY_CONTROLLERS,
  ],
  providers: [
    ...[GrantFactsLoader, GrantCommandRunner, LedgerGrantRunner],
    ...[SetFrameHandler, AdjustFrameHandler, DecideAllocationHandler, AmendAllocationHandler, RevokeAllocationHandler],
    ...[AcceptGrantHandler, RecordPaymentHandler, SubmitReportHandler, ApproveReportHandler, ClaimRepaymentHandler, SettleRepaymentHandler],
    ...[
      ListFramesHandler,
      GetFrameLedgerHistoryHandler,
      ListGrantsHandler,
      GetGrantHandler,
      GetGrantHistoryHandler,
      GetGovernorOverviewHandler,
      GetRecipientOverviewHandler,
    ],
    ...LETTERS_AND_APPEALS_PROVIDERS,
    ...DECISION_DAY_PROVIDERS,
  ],
})
export class GrantsModule {}
