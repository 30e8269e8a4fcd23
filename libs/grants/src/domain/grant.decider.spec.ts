import { ConflictError, DomainError, NotFoundError } from '#libs/kernel';
import { fold } from '#libs/platform';
import { grantDecider, type GrantCommand, type GrantEvent, type GrantFacts } from './grant.decider.js';

const owner: GrantFacts = {
  grantId: 'ROGALAND.DEKOMP.m1.964965226',
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  recipientOrg: '964965226',
  recipientKind: 'municipality',
  status: 'active',
  lines: [
    { year: 2028, amount: 100_001, reportDeadline: '2029-01-15', recommended: null },
    { year: 2029, amount: 200_000, reportDeadline: '2030-01-15', recommended: null },
  ],
};
const university: GrantFacts = { ...owner, grantId: 'ROGALAND.DEKOMP.m1.971564679', recipientOrg: '971564679', recipientKind: 'university' };
const base = { grantId: owner.grantId, office: 'ROGALAND', scheme: 'DEKOMP' as const, recipientOrg: owner.recipientOrg };

const accepted: GrantEvent = {
  type: 'GrantAccepted',
  data: {
    ...base,
    coFinancing: [
      { year: 2028, money: 10_000, salary: 20_001, releasedTime: 0, committed: 30_001, required: 30_001 },
      { year: 2029, money: 0, salary: 0, releasedTime: 60_000, committed: 60_000, required: 60_000 },
    ],
    acceptedOn: '2028-05-10',
  },
};
const paid = (year: number, amount: number): GrantEvent => ({ type: 'GrantPaymentRecorded', data: { ...base, paymentId: `p${year}-${amount}`, year, amount, paidOn: '2028-06-01' } });

function run(events: GrantEvent[], command: GrantCommand) {
  return grantDecider.decide(command, fold(grantDecider, events));
}
function violations(events: GrantEvent[], command: GrantCommand) {
  try {
    run(events, command);
  } catch (e) {
    if (e instanceof DomainError) return e.violations;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const report = (over: Partial<Extract<GrantCommand, { type: 'SubmitReport' }>> = {}): GrantCommand => ({
  type: 'SubmitReport',
  grant: owner,
  year: 2028,
  spent: 90_000,
  unspent: 10_001,
  coFinancingProvided: { money: 10_000, salary: 15_000, releasedTime: 5_001 },
  participants: [{ role: 'teacher', count: 40 }, { role: 'school_leader', count: 5 }],
  evaluation: 'Good collective work on reading.',
  today: '2029-01-10',
  ...over,
});

describe('grant decider', () => {
  describe('acceptance and co-financing (R7, R8)', () => {
    it('a school owner commits at least ceil(30 % of the grant) per year, in any mix of money, salary and released time', () => {
      const events = run([], {
        type: 'AcceptGrant',
        grant: owner,
        coFinancing: [
          { year: 2028, money: 10_000, salary: 20_001, releasedTime: 0 },
          { year: 2029, money: 0, salary: 0, releasedTime: 60_000 },
        ],
        today: '2028-05-10',
      });
      expect(events).toEqual([accepted]);
    });

    it('less is refused with the minimum in the error (ceil: 30 % of 100 001 is 30 001)', () => {
      const v = violations([], { type: 'AcceptGrant', grant: owner, coFinancing: [{ year: 2028, money: 30_000, salary: 0, releasedTime: 0 }, { year: 2029, money: 60_000, salary: 0, releasedTime: 0 }], today: '2028-05-10' });
      expect(v).toEqual([{ rule: 'R7', field: 'coFinancing[year=2028]', message: expect.stringMatching(/at least 30001 kroner/) }]);
    });

    it('a private owner is bound alike; a missing year counts as nothing committed', () => {
      const v = violations([], { type: 'AcceptGrant', grant: { ...owner, recipientKind: 'private_owner' }, coFinancing: [{ year: 2028, money: 30_001, salary: 0, releasedTime: 0 }], today: '2028-05-10' });
      expect(v.map((x) => x.field)).toEqual(['coFinancing[year=2029]']);
    });

    it('R7: a university needs no co-financing; R8: neither do REKOMP and KOMPLØFT grants', () => {
      expect(run([], { type: 'AcceptGrant', grant: university, coFinancing: [], today: '2028-05-10' })[0].data).toMatchObject({ coFinancing: [{ required: 0 }, { required: 0 }] });
      for (const scheme of ['REKOMP', 'KOMPLOFT'] as const) {
        expect(run([], { type: 'AcceptGrant', grant: { ...owner, scheme }, coFinancing: [], today: '2028-05-10' })).toHaveLength(1);
      }
    });

    it('co-financing for a year without money, or twice, or in fractions is refused', () => {
      const v = violations([], { type: 'AcceptGrant', grant: owner, coFinancing: [{ year: 2030, money: 1, salary: 0, releasedTime: 0 }, { year: 2028, money: 0.5, salary: 0, releasedTime: 0 }], today: '2028-05-10' });
      expect(v.map((x) => x.field)).toEqual(['coFinancing[0].year', 'coFinancing[1].money']);
    });

    it('accepting twice, or a revoked grant, is a conflict', () => {
      expect(() => run([accepted], { type: 'AcceptGrant', grant: owner, coFinancing: [], today: '2028-05-10' })).toThrow(ConflictError);
      expect(() => run([], { type: 'AcceptGrant', grant: { ...owner, status: 'revoked' }, coFinancing: [], today: '2028-05-10' })).toThrow(ConflictError);
    });
  });

  describe('payments (R15)', () => {
    const pay = (over: Partial<Extract<GrantCommand, { type: 'RecordPayment' }>> = {}): GrantCommand => ({ type: 'RecordPayment', grant: owner, paymentId: 'p1', year: 2028, amount: 100_001, paidOn: '2028-06-01', overdueReports: [], ...over });

    it('the governor pays an accepted grant up to the year\'s amount', () => {
      expect(run([accepted], pay())).toEqual([{ type: 'GrantPaymentRecorded', data: { ...base, paymentId: 'p1', year: 2028, amount: 100_001, paidOn: '2028-06-01' } }]);
      expect(violations([accepted, paid(2028, 100_000)], pay({ amount: 2 }))).toEqual([expect.objectContaining({ rule: 'payment', message: expect.stringMatching(/at most 1 more/) })]);
    });

    it('nothing is paid before acceptance', () => {
      expect(violations([], pay()).map((v) => v.rule)).toEqual(['acceptance']);
    });

    it('R15: a recipient with an overdue report gets no payment', () => {
      const v = violations([accepted], pay({ overdueReports: [{ grantId: 'ROGALAND.DEKOMP.m0.964965226', year: 2027, deadline: '2028-01-15' }] }));
      expect(v).toEqual([expect.objectContaining({ rule: 'R15', message: expect.stringMatching(/m0\.964965226 \(2027, due 2028-01-15\)/) })]);
    });

    it('a revoked grant is not paid', () => {
      expect(() => run([accepted], pay({ grant: { ...owner, status: 'revoked' } }))).toThrow(ConflictError);
    });
  });

  describe('reports and settlement (R7, R16, R17)', () => {
    const afterPay = [accepted, paid(2028, 100_001)];

    it('a report accounts for the money paid, co-financing by form, participants by role and the own evaluation', () => {
      const [e] = run(afterPay, report());
      expect(e).toMatchObject({
        type: 'GrantReportSubmitted',
        data: { year: 2028, coFinancingProvided: { total: 30_001 }, coFinancingRequired: 30_001, coFinancingShortfall: null, late: false, deadline: '2029-01-15', warnings: [] },
      });
      expect(violations(afterPay, report({ unspent: 0 }))).toEqual([expect.objectContaining({ rule: 'R16', field: 'unspent' })]);
    });

    it('R7: documented co-financing below the minimum puts the grant in shortfall (a warning, the report is kept)', () => {
      const [e] = run(afterPay, report({ coFinancingProvided: { money: 0, salary: 20_000, releasedTime: 0 } }));
      expect(e.data).toMatchObject({ coFinancingShortfall: { required: 30_001, documented: 20_000, missing: 10_001 }, warnings: [expect.objectContaining({ rule: 'R7' })] });
    });

    it('R17: a university states what fed back into teacher education', () => {
      const uniEvents: GrantEvent[] = [{ type: 'GrantAccepted', data: { ...base, coFinancing: [], acceptedOn: '2028-05-10' } }];
      expect(violations(uniEvents, report({ grant: university, spent: 0, unspent: 0 }))).toEqual([expect.objectContaining({ rule: 'R17', field: 'teacherEducationFeedback' })]);
      const [e] = run(uniEvents, report({ grant: university, spent: 0, unspent: 0, teacherEducationFeedback: 'New module in the master programme' }));
      expect(e.data).toMatchObject({ coFinancingRequired: 0, coFinancingShortfall: null, teacherEducationFeedback: 'New module in the master programme' });
    });

    it('a late report is kept with an R15 warning; a second report for the year is a conflict', () => {
      const [e] = run(afterPay, report({ today: '2029-02-01' }));
      expect(e.data).toMatchObject({ late: true, warnings: [expect.objectContaining({ rule: 'R15' })] });
      expect(() => run([...afterPay, e], report())).toThrow(ConflictError);
    });

    it('the governor approves a submitted report once', () => {
      const [r] = run(afterPay, report());
      expect(run([...afterPay, r], { type: 'ApproveReport', grant: owner, year: 2028, today: '2029-02-01' })).toEqual([{ type: 'GrantReportApproved', data: { ...base, year: 2028, approvedOn: '2029-02-01' } }]);
      expect(() => run(afterPay, { type: 'ApproveReport', grant: owner, year: 2028, today: '2029-02-01' })).toThrow(NotFoundError);
    });

    it('R16: a claim is an event with amount and reason, at most what was paid; its settlement is another event', () => {
      const claim: GrantCommand = { type: 'ClaimRepayment', grant: owner, claimId: 'c1', year: 2028, amount: 10_001, reason: 'unspent money', today: '2029-02-01' };
      const [c] = run(afterPay, claim);
      expect(c).toEqual({ type: 'RepaymentClaimed', data: { ...base, claimId: 'c1', year: 2028, amount: 10_001, reason: 'unspent money', claimedOn: '2029-02-01' } });
      expect(violations([...afterPay, c], { ...claim, claimId: 'c2', amount: 90_001 })).toEqual([expect.objectContaining({ rule: 'R16', message: expect.stringMatching(/at most 90000 more/) })]);
      const settle: GrantCommand = { type: 'SettleRepayment', grant: owner, claimId: 'c1', amount: 6_000, settledOn: '2029-03-01' };
      const [s] = run([...afterPay, c], settle);
      expect(s.data).toMatchObject({ amount: 6_000, outstanding: 4_001 });
      expect(violations([...afterPay, c, s], settle)).toEqual([expect.objectContaining({ rule: 'R16', message: expect.stringMatching(/4001 kroner are outstanding/) })]);
      expect(() => run([...afterPay, c], { ...settle, claimId: 'nope' })).toThrow(NotFoundError);
    });
  });
});
