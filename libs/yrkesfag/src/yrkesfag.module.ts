import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddCountyForumMemberHandler } from './county-frame/add-forum-member/add-forum-member.handler.js';
import { AddCountyForumMemberRoute } from './county-frame/add-forum-member/add-forum-member.route.js';
import { AdjustFrameHandler } from './county-frame/adjust-frame/adjust-frame.handler.js';
import { AdjustFrameRoute } from './county-frame/adjust-frame/adjust-frame.route.js';
import { AdoptPlanHandler } from './county-frame/adopt-plan/adopt-plan.handler.js';
import { AdoptPlanRoute } from './county-frame/adopt-plan/adopt-plan.route.js';
import { ClaimRepaymentHandler } from './county-frame/claim-repayment/claim-repayment.handler.js';
import { ClaimRepaymentRoute } from './county-frame/claim-repayment/claim-repayment.route.js';
import { ExtendReportDeadlineHandler } from './county-frame/extend-report-deadline/extend-report-deadline.handler.js';
import { ExtendReportDeadlineRoute } from './county-frame/extend-report-deadline/extend-report-deadline.route.js';
import { MakePaymentHandler } from './county-frame/make-payment/make-payment.handler.js';
import { MakePaymentRoute } from './county-frame/make-payment/make-payment.route.js';
import { RecordCountyForumMeetingHandler } from './county-frame/record-forum-meeting/record-forum-meeting.handler.js';
import { RecordCountyForumMeetingRoute } from './county-frame/record-forum-meeting/record-forum-meeting.route.js';
import { RecordMeasureHandler } from './county-frame/record-measure/record-measure.handler.js';
import { RecordMeasureRoute } from './county-frame/record-measure/record-measure.route.js';
import { RecordCountyMemberLeftHandler } from './county-frame/record-member-left/record-member-left.handler.js';
import { RecordCountyMemberLeftRoute } from './county-frame/record-member-left/record-member-left.route.js';
import { RecordNeedHandler } from './county-frame/record-need/record-need.handler.js';
import { RecordNeedRoute } from './county-frame/record-need/record-need.route.js';
import { RecordSpendingHandler } from './county-frame/record-spending/record-spending.handler.js';
import { RecordSpendingRoute } from './county-frame/record-spending/record-spending.route.js';
import { SetFrameHandler } from './county-frame/set-frame/set-frame.handler.js';
import { SetFrameRoute } from './county-frame/set-frame/set-frame.route.js';
import { SettleRepaymentHandler } from './county-frame/settle-repayment/settle-repayment.handler.js';
import { SettleRepaymentRoute } from './county-frame/settle-repayment/settle-repayment.route.js';
import { SubmitReportHandler } from './county-frame/submit-report/submit-report.handler.js';
import { SubmitReportRoute } from './county-frame/submit-report/submit-report.route.js';
import { GetYrkesfagCountyHandler, GetYrkesfagHistoryHandler, ListYrkesfagCountiesHandler } from './read-model/frames/frames.queries.js';
import { YrkesfagFramesRoute } from './read-model/frames/frames.route.js';
import { GetYrkesfagForumHandler, GetYrkesfagPlanHandler } from './read-model/plans/plans.queries.js';
import { YrkesfagPlansRoute } from './read-model/plans/plans.route.js';

/** YRKESFAG (R24): Udir's frame per county municipality, the county's own forum, plan, spending and report. */
@Module({
  imports: [CqrsModule],
  controllers: [
    SetFrameRoute,
    AdjustFrameRoute,
    MakePaymentRoute,
    ExtendReportDeadlineRoute,
    ClaimRepaymentRoute,
    SettleRepaymentRoute,
    AddCountyForumMemberRoute,
    RecordCountyMemberLeftRoute,
    RecordCountyForumMeetingRoute,
    RecordNeedRoute,
    RecordMeasureRoute,
    AdoptPlanRoute,
    RecordSpendingRoute,
    SubmitReportRoute,
    YrkesfagPlansRoute,
    YrkesfagFramesRoute,
  ],
  providers: [
    SetFrameHandler,
    AdjustFrameHandler,
    MakePaymentHandler,
    ExtendReportDeadlineHandler,
    ClaimRepaymentHandler,
    SettleRepaymentHandler,
    AddCountyForumMemberHandler,
    RecordCountyMemberLeftHandler,
    RecordCountyForumMeetingHandler,
    RecordNeedHandler,
    RecordMeasureHandler,
    AdoptPlanHandler,
    RecordSpendingHandler,
    SubmitReportHandler,
    ListYrkesfagCountiesHandler,
    GetYrkesfagCountyHandler,
    GetYrkesfagHistoryHandler,
    GetYrkesfagPlanHandler,
    GetYrkesfagForumHandler,
  ],
})
export class YrkesfagModule {}
