import { ConflictError, DomainError, NotFoundError } from '#libs/kernel';
import { fold } from '#libs/platform';
import { frameUse, ledgerDecider, type LedgerCommand, type LedgerEvent, type RecommendationFacts } from './frame-ledger.decider.js';

const frame = (year: number, amount: number): LedgerEvent => ({ type: 'FrameSet', data: { office: 'ROGALAND', scheme: 'DEKOMP', year, amount } });
const noRec: RecommendationFacts = { basis: 'no_recommendation', recommendationId: null, lines: [] };
const owner = { org: '964965226', kind: 'municipality' as const };

const decide = (over: Partial<Extract<LedgerCommand, { type: 'DecideAllocation' }>> = {}): LedgerCommand => ({
  type: 'DecideAllocation',
  grantId: 'ROGALAND.DEKOMP.m1.964965226',
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  decisionYear: 2028,
  callId: 'rogaland-dekomp-2028',
  measureId: 'm1',
  recipient: owner,
  lines: [{ year: 2028, amount: 400_000 }],
  recommendation: noRec,
  decisionDate: '2028-04-30',
  today: '2028-04-20',
  ...over,
});

function run(events: LedgerEvent[], command: LedgerCommand) {
  return ledgerDecider.decide(command, fold(ledgerDecider, events));
}

function violations(events: LedgerEvent[], command: LedgerCommand) {
  try {
    run(events, command);
  } catch (e) {
    if (e instanceof DomainError) return e.violations.map((v) => [v.rule, v.field]);
    throw e;
  }
  throw new Error('expected a DomainError');
}

const decided = (events: LedgerEvent[], command: LedgerCommand) => [...events, ...run(events, command)];

describe('frame ledger decider', () => {
  describe('frames', () => {
    it('Given nothing, When the ministry sets a frame, Then FrameSet', () => {
      expect(run([], { type: 'SetFrame', office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, amount: 1_000_000 })).toEqual([frame(2028, 1_000_000)]);
    });

    it('Given a frame, When set again, Then a conflict: adjust it with a reason', () => {
      expect(() => run([frame(2028, 1)], { type: 'SetFrame', office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, amount: 2 })).toThrow(ConflictError);
    });

    it('YRKESFAG has no governor frame', () => {
      expect(violations([], { type: 'SetFrame', office: 'ROGALAND', scheme: 'YRKESFAG', year: 2028, amount: 1 })).toEqual([['scheme', 'scheme']]);
    });

    it('an adjustment is an event with the previous amount and the reason', () => {
      expect(run([frame(2028, 1_000_000)], { type: 'AdjustFrame', year: 2028, amount: 1_200_000, reason: 'revised budget' })).toEqual([
        { type: 'FrameAdjusted', data: { office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, previousAmount: 1_000_000, amount: 1_200_000, reason: 'revised budget' } },
      ]);
    });

    it('adjusting a frame that was never set is a 404', () => {
      expect(() => run([frame(2028, 1)], { type: 'AdjustFrame', year: 2029, amount: 1, reason: 'x' })).toThrow(NotFoundError);
    });

    it('R18: a frame cannot be adjusted below what is charged to it', () => {
      const events = decided([frame(2028, 1_000_000)], decide());
      expect(violations(events, { type: 'AdjustFrame', year: 2028, amount: 399_999, reason: 'cut' })).toEqual([['R18', 'amount']]);
      expect(run(events, { type: 'AdjustFrame', year: 2028, amount: 400_000, reason: 'cut' })).toHaveLength(1);
    });
  });

  describe('decisions', () => {
    it('records the rule-set version, report deadline (15 January next year) and that the governor decides without a recommendation (R12)', () => {
      const [e] = run([frame(2028, 1_000_000)], decide());
      expect(e).toMatchObject({
        type: 'AllocationDecided',
        data: {
          ruleSetVersion: 'dekomp-2021.1',
          lines: [{ year: 2028, amount: 400_000, reportDeadline: '2029-01-15', recommended: null }],
          basis: 'no_recommendation',
          deviates: false,
          warnings: [{ rule: 'R12', field: 'recommendation', message: expect.stringMatching(/governor decides/) }],
        },
      });
    });

    it("R12: where the forum did not agree, the governor decides and the event says so", () => {
      const [e] = run([frame(2028, 1_000_000)], decide({ recommendation: { basis: 'no_agreement', recommendationId: 'r1', lines: [] } }));
      expect(e.data).toMatchObject({ basis: 'no_agreement', deviates: false, warnings: [expect.objectContaining({ rule: 'R12', message: expect.stringMatching(/did not agree/) })] });
    });

    it('R1: a recipient that is neither school owner nor university is refused; an unknown one too', () => {
      expect(violations([frame(2028, 1_000_000)], decide({ recipient: { org: '1', kind: 'other' } }))).toEqual([['R1', 'recipientOrg']]);
      expect(violations([frame(2028, 1_000_000)], decide({ recipient: { org: '1', kind: null } }))).toEqual([['R1', 'recipientOrg']]);
    });

    it('R2: never a commercial recipient', () => {
      expect(violations([frame(2028, 1_000_000)], decide({ recipient: { org: '1', kind: 'commercial' } }))).toEqual([['R2', 'recipientOrg']]);
    });

    it('universities and every kind of school owner may receive money (R1)', () => {
      for (const kind of ['municipality', 'county_municipality', 'private_owner', 'university'] as const) {
        expect(run([frame(2028, 1_000_000)], decide({ recipient: { org: '1', kind } }))).toHaveLength(1);
      }
    });

    it('R9: one to three years from the decision year, each once, amounts positive whole kroner', () => {
      expect(
        violations([frame(2028, 10)], decide({ lines: [{ year: 2027, amount: 1 }, { year: 2031, amount: 1 }, { year: 2028, amount: 1.5 }, { year: 2028, amount: 1 }] })),
      ).toEqual([
        ['R9', 'amounts[0].year'],
        ['R9', 'amounts[1].year'],
        ['money', 'amounts[2].amount'],
        ['R9', 'amounts[3].year'],
      ]);
      expect(violations([frame(2028, 10)], decide({ lines: [] }))).toEqual([['R9', 'amounts']]);
    });

    it('R18: a decision over the free amount of any year is refused, naming the free amount', () => {
      const events = decided([frame(2028, 1_000_000), frame(2029, 500_000)], decide());
      let error: DomainError | undefined;
      try {
        run(events, decide({ grantId: 'g2', lines: [{ year: 2028, amount: 600_000 }, { year: 2029, amount: 500_001 }] }));
      } catch (e) {
        error = e as DomainError;
      }
      expect(error?.violations).toEqual([expect.objectContaining({ rule: 'R18', field: 'amounts[1].amount', message: expect.stringMatching(/500000 kroner are free/) })]);
    });

    it('R18: a later year needs a frame before anything is committed to it', () => {
      expect(violations([frame(2028, 1_000_000)], decide({ lines: [{ year: 2028, amount: 1 }, { year: 2029, amount: 1 }] }))).toEqual([['R18', 'amounts[1].year']]);
    });

    it('R9: later years are commitments that the later frame covers first; only the rest is free', () => {
      let events = decided([frame(2028, 1_000_000), frame(2029, 1_000_000)], decide({ lines: [{ year: 2028, amount: 400_000 }, { year: 2029, amount: 300_000 }] }));
      events = decided(events, decide({ grantId: 'g2', decisionYear: 2029, lines: [{ year: 2029, amount: 500_000 }] }));
      expect(frameUse(fold(ledgerDecider, events), 2029)).toEqual({ frame: 1_000_000, committedEarlier: 300_000, decidedThisYear: 500_000, free: 200_000 });
      expect(violations(events, decide({ grantId: 'g3', decisionYear: 2029, lines: [{ year: 2029, amount: 200_001 }] }))).toEqual([['R18', 'amounts[0].amount']]);
    });

    it('R12: a difference from the recommendation needs a reason, and is recorded with it', () => {
      const rec: RecommendationFacts = { basis: 'recommendation', recommendationId: 'r1', lines: [{ year: 2028, amount: 300_000 }, { year: 2029, amount: 100_000 }] };
      const events = [frame(2028, 1_000_000), frame(2029, 1_000_000)];
      expect(violations(events, decide({ recommendation: rec, lines: [{ year: 2028, amount: 300_000 }] }))).toEqual([['R12', 'deviationReason']]);
      const [e] = run(events, decide({ recommendation: rec, lines: [{ year: 2028, amount: 300_000 }], deviationReason: 'the second year is not planned yet' }));
      expect(e.data).toMatchObject({ deviates: true, deviationReason: 'the second year is not planned yet', lines: [{ year: 2028, recommended: 300_000 }], warnings: [] });
      const [same] = run(events, decide({ recommendation: rec, lines: [{ year: 2028, amount: 300_000 }, { year: 2029, amount: 100_000 }] }));
      expect(same.data).toMatchObject({ deviates: false, deviationReason: null });
    });

    it('R14: a decision after the decision date is a warning, not an error', () => {
      const [e] = run([frame(2028, 1_000_000)], decide({ today: '2028-05-02' }));
      expect(e.data).toMatchObject({ warnings: expect.arrayContaining([expect.objectContaining({ rule: 'R14', field: 'decidedOn' })]) });
    });

    it('a second decision for the same recipient and measure is a conflict: amend instead', () => {
      expect(() => run(decided([frame(2028, 1_000_000)], decide()), decide())).toThrow(ConflictError);
    });
  });

  describe('amendments and revocations (R21)', () => {
    const base = decided([frame(2028, 1_000_000)], decide());
    const amend = (lines: Array<{ year: number; amount: number }>, paidByYear: Record<number, number> = {}): LedgerCommand => ({
      type: 'AmendAllocation',
      grantId: 'ROGALAND.DEKOMP.m1.964965226',
      lines,
      recommendation: noRec,
      reason: 'the measure grew',
      paidByYear,
      today: '2028-06-01',
    });

    it('an amendment replaces the lines, keeps the earlier ones in the event, and charges only the difference (R18)', () => {
      const [e] = run(base, amend([{ year: 2028, amount: 1_000_000 }]));
      expect(e).toMatchObject({ type: 'AllocationAmended', data: { previousLines: [{ amount: 400_000 }], lines: [{ amount: 1_000_000, reportDeadline: '2029-01-15' }], reason: 'the measure grew' } });
      expect(violations(base, amend([{ year: 2028, amount: 1_000_001 }]))).toEqual([['R18', 'amounts[0].amount']]);
    });

    it('an amendment cannot go below what is paid (R16: claim it back instead)', () => {
      expect(violations(base, amend([{ year: 2028, amount: 100_000 }], { 2028: 200_000 }))).toEqual([['R16', 'amounts']]);
    });

    it('a revocation frees the frame and warns about money paid', () => {
      const [e] = run(base, { type: 'RevokeAllocation', grantId: 'ROGALAND.DEKOMP.m1.964965226', reason: 'the owner withdrew', paidTotal: 50_000, today: '2028-06-01' });
      expect(e).toMatchObject({ type: 'AllocationRevoked', data: { reason: 'the owner withdrew', warnings: [expect.objectContaining({ rule: 'R16' })] } });
      expect(frameUse(fold(ledgerDecider, [...base, e]), 2028).free).toBe(1_000_000);
      expect(() => run([...base, e], amend([{ year: 2028, amount: 1 }]))).toThrow(ConflictError);
      expect(() => run([...base, e], decide())).toThrow(/revoked/);
    });

    it('amending or revoking an unknown grant is a 404', () => {
      expect(() => run(base, { type: 'RevokeAllocation', grantId: 'nope', reason: 'x', paidTotal: 0, today: '2028-06-01' })).toThrow(NotFoundError);
    });
  });
});
