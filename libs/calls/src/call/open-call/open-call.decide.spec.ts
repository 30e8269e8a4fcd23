import { ConflictError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { Call, type CallOpened } from '../call.aggregate.js';
import type { OpenCall } from './open-call.decide.js';

const spec = deciderSpec(Call.decider);
const open: OpenCall = {
  type: 'OpenCall',
  callId: 'rog-dekomp-2027',
  office: 'ROG',
  scheme: 'DEKOMP',
  year: 2027,
  title: 'Behovsmelding 2027',
  deadline: '2027-02-01',
  decisionDate: '2027-04-30',
};
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

describe('open a call', () => {
  it('Given nothing, When a governor opens a DEKOMP call, Then CallOpened with the rule-set version', () => {
    spec.given([]).when(open).then([opened]);
  });

  it('Given an open call, When opened again, Then a conflict', () => {
    spec
      .given([opened])
      .when({ ...open, title: 'x' })
      .thenThrows(ConflictError);
  });

  it('When opening a YRKESFAG call or with bad dates, Then every broken rule is named', () => {
    spec
      .given([])
      .when({ ...open, callId: 'x', scheme: 'YRKESFAG', deadline: '2027-02-30', decisionDate: '2027-01-01' })
      .thenViolatesExactly([
        ['scheme', 'scheme'],
        ['R14', 'deadline'],
      ]);
  });

  it('R14: the decision date cannot come before the deadline', () => {
    spec
      .given([])
      .when({ ...open, decisionDate: '2027-01-15' })
      .thenViolates('R14', 'decisionDate');
  });
});
