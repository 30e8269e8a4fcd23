import { ConflictError, DomainError } from '#libs/kernel';
import { fold } from '#libs/platform';
import { callDecider, type CallCommand, type CallEvent } from './call.decider.js';

const opened: CallEvent = { type: 'CallOpened', data: { callId: 'rog-dekomp-2027', office: 'ROG', scheme: 'DEKOMP', year: 2027, title: 'Behovsmelding 2027', deadline: '2027-02-01', decisionDate: '2027-04-30', ruleSetVersion: 'dekomp-2021.1' } };

function given(events: CallEvent[], when: CallCommand) {
  return () => callDecider.decide(when, fold(callDecider, events));
}

describe('call decider', () => {
  it('Given nothing, When a governor opens a DEKOMP call, Then CallOpened with the rule-set version', () => {
    const events = given([], { type: 'OpenCall', callId: 'rog-dekomp-2027', office: 'ROG', scheme: 'DEKOMP', year: 2027, title: 'Behovsmelding 2027', deadline: '2027-02-01', decisionDate: '2027-04-30' })();
    expect(events).toEqual([opened]);
  });

  it('Given an open call, When opened again, Then a conflict', () => {
    expect(given([opened], { type: 'OpenCall', callId: 'rog-dekomp-2027', office: 'ROG', scheme: 'DEKOMP', year: 2027, title: 'x', deadline: '2027-02-01', decisionDate: '2027-04-30' })).toThrow(ConflictError);
  });

  it('When opening a YRKESFAG call or with bad dates, Then every broken rule is named', () => {
    let error: DomainError | undefined;
    try {
      given([], { type: 'OpenCall', callId: 'x', office: 'ROG', scheme: 'YRKESFAG', year: 2027, title: 'x', deadline: '2027-02-30', decisionDate: '2027-01-01' })();
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.violations.map((v) => [v.rule, v.field])).toEqual([
      ['scheme', 'scheme'],
      ['R14', 'deadline'],
    ]);
  });

  it('Given an open call, When its deadline is extended, Then CallDeadlineExtended with the reason', () => {
    expect(given([opened], { type: 'ExtendCallDeadline', deadline: '2027-02-15', reason: 'winter storm' })()).toEqual([
      { type: 'CallDeadlineExtended', data: { callId: 'rog-dekomp-2027', previousDeadline: '2027-02-01', deadline: '2027-02-15', reason: 'winter storm' } },
    ]);
  });

  it('R14: a deadline can only move later', () => {
    expect(given([opened], { type: 'ExtendCallDeadline', deadline: '2027-01-15', reason: 'x' })).toThrow(/can only be extended/);
  });
});
