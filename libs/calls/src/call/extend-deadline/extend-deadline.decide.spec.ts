import { NotFoundError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { Call, type CallOpened } from '../call.aggregate.js';

const spec = deciderSpec(Call.decider);
const opened: CallOpened = {
  type: 'CallOpened',
  data: {
    callId: 'rog-dekomp-2027',
    office: 'ROG',
    scheme: 'DEKOMP',
    year: 2027,
    title: 'Behovsmelding 2027',
    deadline: '2027-02-01',
    decisionDate: '2027-04-30',
    ruleSetVersion: 'dekomp-2021.1',
  },
};

describe("extend a call's deadline", () => {
  it('Given an open call, When its deadline is extended, Then CallDeadlineExtended with the reason', () => {
    spec
      .given([opened])
      .when({ type: 'ExtendCallDeadline', deadline: '2027-02-15', reason: 'winter storm' })
      .then([
        {
          type: 'CallDeadlineExtended',
          data: { callId: 'rog-dekomp-2027', previousDeadline: '2027-02-01', deadline: '2027-02-15', reason: 'winter storm' },
        },
      ]);
  });

  it('R14: a deadline can only move later', () => {
    spec.given([opened]).when({ type: 'ExtendCallDeadline', deadline: '2027-01-15', reason: 'x' }).thenViolates('R14', 'deadline');
  });

  it('Given no call, Then not found', () => {
    spec.given([]).when({ type: 'ExtendCallDeadline', deadline: '2027-02-15', reason: 'x' }).thenThrows(NotFoundError);
  });
});
