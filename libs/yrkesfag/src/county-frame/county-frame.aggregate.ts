import { defineAggregate } from '#libs/platform';
import { decideAddCountyForumMember, type AddCountyForumMember } from './add-forum-member/add-forum-member.decide.js';
import { decideAdjustFrame, type AdjustFrame } from './adjust-frame/adjust-frame.decide.js';
import { decideAdoptPlan, type AdoptPlan } from './adopt-plan/adopt-plan.decide.js';
import { decideClaimRepayment, type ClaimRepayment } from './claim-repayment/claim-repayment.decide.js';
import { YRKESFAG_EVENT_TYPES, type YrkesfagEvent } from './county-frame.events.js';
import { evolveYrkesfag, initialYrkesfagState, type YrkesfagState } from './county-frame.state.js';
import { decideExtendReportDeadline, type ExtendReportDeadline } from './extend-report-deadline/extend-report-deadline.decide.js';
import { decideMakePayment, type MakePayment } from './make-payment/make-payment.decide.js';
import { decideRecordCountyForumMeeting, type RecordCountyForumMeeting } from './record-forum-meeting/record-forum-meeting.decide.js';
import { decideRecordMeasure, type RecordMeasure } from './record-measure/record-measure.decide.js';
import { decideRecordCountyMemberLeft, type RecordCountyMemberLeft } from './record-member-left/record-member-left.decide.js';
import { decideRecordNeed, type RecordNeed } from './record-need/record-need.decide.js';
import { decideRecordSpending, type RecordSpending } from './record-spending/record-spending.decide.js';
import { decideSetFrame, type SetFrame } from './set-frame/set-frame.decide.js';
import { decideSettleRepayment, type SettleRepayment } from './settle-repayment/settle-repayment.decide.js';
import { decideSubmitReport, type SubmitReport } from './submit-report/submit-report.decide.js';

export * from './county-frame.events.js';
export * from './county-frame.state.js';

/**
 * YRKESFAG (R24): one stream per county municipality, the grant holder (`YrkesfagFrame-<orgNumber>`). Udir sets
 * and pays the yearly frame; the county's own forum plans the spending, and the county reports to Udir. Plan and
 * frame share the stream, so the version check keeps the plan within the frame under any concurrency (R18).
 */
export type UdirCommand = SetFrame | AdjustFrame | MakePayment | ExtendReportDeadline | ClaimRepayment | SettleRepayment;
export type CountyCommand =
  | AddCountyForumMember
  | RecordCountyMemberLeft
  | RecordCountyForumMeeting
  | RecordNeed
  | RecordMeasure
  | AdoptPlan
  | RecordSpending
  | SubmitReport;
export type YrkesfagCommand = UdirCommand | CountyCommand;

function decideUdir(command: UdirCommand, state: YrkesfagState): YrkesfagEvent[] {
  switch (command.type) {
    case 'SetFrame':
      return decideSetFrame(command, state);
    case 'AdjustFrame':
      return decideAdjustFrame(command, state);
    case 'MakePayment':
      return decideMakePayment(command, state);
    case 'ExtendReportDeadline':
      return decideExtendReportDeadline(command, state);
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

function decideCounty(command: CountyCommand, state: YrkesfagState): YrkesfagEvent[] {
  switch (command.type) {
    case 'AddCountyForumMember':
      return decideAddCountyForumMember(command, state);
    case 'RecordCountyMemberLeft':
      return decideRecordCountyMemberLeft(command, state);
    case 'RecordCountyForumMeeting':
      return decideRecordCountyForumMeeting(command, state);
    case 'RecordNeed':
      return decideRecordNeed(command, state);
    case 'RecordMeasure':
      return decideRecordMeasure(command, state);
    case 'AdoptPlan':
      return decideAdoptPlan(command, state);
    case 'RecordSpending':
      return decideRecordSpending(command, state);
    case 'SubmitReport':
      return decideSubmitReport(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

const UDIR_COMMANDS: ReadonlySet<string> = new Set<UdirCommand['type']>([
  'SetFrame',
  'AdjustFrame',
  'MakePayment',
  'ExtendReportDeadline',
  'ClaimRepayment',
  'SettleRepayment',
]);
const isUdirCommand = (c: YrkesfagCommand): c is UdirCommand => UDIR_COMMANDS.has(c.type);

export function decideYrkesfag(command: YrkesfagCommand, state: YrkesfagState): YrkesfagEvent[] {
  return isUdirCommand(command) ? decideUdir(command, state) : decideCounty(command, state);
}

export const YrkesfagFrame = defineAggregate<YrkesfagCommand, YrkesfagState, YrkesfagEvent>({
  name: 'YrkesfagFrame',
  decider: { initialState: initialYrkesfagState, evolve: evolveYrkesfag, decide: decideYrkesfag },
  eventTypes: YRKESFAG_EVENT_TYPES,
});
