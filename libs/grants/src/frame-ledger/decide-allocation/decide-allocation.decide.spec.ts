import { ConflictError, DomainError } from '#libs/kernel';
import type { RecommendationFacts } from '../frame-ledger.aggregate.js';
import { decide, decided, frame, measureOf, spec } from '../frame-ledger.fixtures.js';
import { frameUse } from '../frame-ledger.rules.js';

const oneFrame = [frame(2028, 1_000_000)];

describe('decide an allocation', () => {
  it('records the rule-set version, report deadline (15 January next year) and that the governor decides without a recommendation (R12)', () => {
    const [e] = spec.given(oneFrame).when(decide()).events();
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

  it('R7/R8: every line carries the co-financing minimum: ceil(30 %) for a school owner in DEKOMP, none for a university or in REKOMP', () => {
    const [owner] = spec
      .given(oneFrame)
      .when(decide({ lines: [{ year: 2028, amount: 100_001 }] }))
      .events();
    expect(owner.data).toMatchObject({ lines: [{ amount: 100_001, coFinancingRequired: 30_001 }] });
    const [uni] = spec
      .given(oneFrame)
      .when(decide({ recipient: { org: '971564679', kind: 'university' } }))
      .events();
    expect(uni.data).toMatchObject({ lines: [{ coFinancingRequired: 0 }] });
    const rekomp = [{ type: 'FrameSet' as const, data: { office: 'ROGALAND', scheme: 'REKOMP' as const, year: 2028, amount: 1_000_000 } }];
    const [kg] = spec
      .given(rekomp)
      .when(decide({ scheme: 'REKOMP' }))
      .events();
    expect(kg.data).toMatchObject({ lines: [{ coFinancingRequired: 0 }] });
  });

  it('R12: where the forum did not agree, the governor decides and the event says so', () => {
    const [e] = spec
      .given(oneFrame)
      .when(decide({ recommendation: { basis: 'no_agreement', recommendationId: 'r1', lines: [] } }))
      .events();
    expect(e.data).toMatchObject({
      basis: 'no_agreement',
      deviates: false,
      warnings: [expect.objectContaining({ rule: 'R12', message: expect.stringMatching(/did not agree/) })],
    });
  });

  it('R1: a recipient that is neither school owner nor university is refused; an unknown one too', () => {
    spec
      .given(oneFrame)
      .when(decide({ recipient: { org: '1', kind: 'other' } }))
      .thenViolatesExactly([['R1', 'recipientOrg']]);
    spec
      .given(oneFrame)
      .when(decide({ recipient: { org: '1', kind: null } }))
      .thenViolatesExactly([['R1', 'recipientOrg']]);
  });

  it('R2: never a commercial recipient', () => {
    spec
      .given(oneFrame)
      .when(decide({ recipient: { org: '1', kind: 'commercial' } }))
      .thenViolatesExactly([['R2', 'recipientOrg']]);
  });

  it('universities and every kind of school owner may receive money (R1)', () => {
    for (const kind of ['municipality', 'county_municipality', 'private_owner', 'university'] as const) {
      expect(
        spec
          .given(oneFrame)
          .when(decide({ recipient: { org: '1', kind } }))
          .events(),
      ).toHaveLength(1);
    }
  });

  it('R10: the recipient is an owner or a committed university partner of the measure', () => {
    const c = decide();
    const measure = { ...measureOf(c, ['999999999']), universities: [{ org: '971564679', status: 'requested' as const, local: true }] };
    spec
      .given(oneFrame)
      .when({ ...c, measure })
      .thenViolatesExactly([['R10', 'recipientOrg']]);
    spec
      .given(oneFrame)
      .when({ ...c, recipient: { org: '971564679', kind: 'university' }, measure })
      .thenViolatesExactly([['R10', 'recipientOrg']]);
    const committed = { ...measure, universities: [{ org: '971564679', status: 'committed' as const, local: true }] };
    expect(
      spec
        .given(oneFrame)
        .when({ ...c, recipient: { org: '971564679', kind: 'university' }, measure: committed })
        .events(),
    ).toHaveLength(1);
  });

  it('the measure must exist, be submitted and belong to the scheme and year decided; those refusals come alone', () => {
    spec
      .given(oneFrame)
      .when(decide({ measure: null, recipient: { org: '1', kind: 'commercial' } }))
      .thenViolatesExactly([['measure', 'measureId']]);
    const c = decide();
    const measure = { ...measureOf(c, [c.recipient.org]), scheme: 'REKOMP' as const, year: 2027, status: 'draft' as const };
    spec
      .given(oneFrame)
      .when({ ...c, measure })
      .thenViolatesExactly([
        ['measure', 'scheme'],
        ['measure', 'year'],
        ['measure', 'measureId'],
      ]);
  });

  it('R9: one to three years from the decision year, each once, amounts positive whole kroner', () => {
    spec
      .given([frame(2028, 10)])
      .when(
        decide({
          lines: [
            { year: 2027, amount: 1 },
            { year: 2031, amount: 1 },
            { year: 2028, amount: 1.5 },
            { year: 2028, amount: 1 },
          ],
        }),
      )
      .thenViolatesExactly([
        ['R9', 'amounts[0].year'],
        ['R9', 'amounts[1].year'],
        ['money', 'amounts[2].amount'],
        ['R9', 'amounts[3].year'],
      ]);
    spec
      .given([frame(2028, 10)])
      .when(decide({ lines: [] }))
      .thenViolatesExactly([['R9', 'amounts']]);
  });

  it('R18: a decision over the free amount of any year is refused, naming the free amount', () => {
    const events = decided([frame(2028, 1_000_000), frame(2029, 500_000)], decide());
    let error: DomainError | undefined;
    try {
      spec
        .given(events)
        .when(
          decide({
            grantId: 'g2',
            lines: [
              { year: 2028, amount: 600_000 },
              { year: 2029, amount: 500_001 },
            ],
          }),
        )
        .events();
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.violations).toEqual([
      expect.objectContaining({ rule: 'R18', field: 'amounts[1].amount', message: expect.stringMatching(/500000 kroner are free/) }),
    ]);
  });

  it('R18: a later year needs a frame before anything is committed to it', () => {
    spec
      .given(oneFrame)
      .when(
        decide({
          lines: [
            { year: 2028, amount: 1 },
            { year: 2029, amount: 1 },
          ],
        }),
      )
      .thenViolatesExactly([['R18', 'amounts[1].year']]);
  });

  it('R9: later years are commitments that the later frame covers first; only the rest is free', () => {
    let events = decided(
      [frame(2028, 1_000_000), frame(2029, 1_000_000)],
      decide({
        lines: [
          { year: 2028, amount: 400_000 },
          { year: 2029, amount: 300_000 },
        ],
      }),
    );
    events = decided(events, decide({ grantId: 'g2', decisionYear: 2029, lines: [{ year: 2029, amount: 500_000 }] }));
    expect(frameUse(spec.given(events).state, 2029)).toEqual({
      frame: 1_000_000,
      committedEarlier: 300_000,
      decidedThisYear: 500_000,
      free: 200_000,
    });
    spec
      .given(events)
      .when(decide({ grantId: 'g3', decisionYear: 2029, lines: [{ year: 2029, amount: 200_001 }] }))
      .thenViolatesExactly([['R18', 'amounts[0].amount']]);
  });

  it('R12: a difference from the recommendation needs a reason, and is recorded with it', () => {
    const rec: RecommendationFacts = {
      basis: 'recommendation',
      recommendationId: 'r1',
      lines: [
        { year: 2028, amount: 300_000 },
        { year: 2029, amount: 100_000 },
      ],
    };
    const events = [frame(2028, 1_000_000), frame(2029, 1_000_000)];
    spec
      .given(events)
      .when(decide({ recommendation: rec, lines: [{ year: 2028, amount: 300_000 }] }))
      .thenViolatesExactly([['R12', 'deviationReason']]);
    const [e] = spec
      .given(events)
      .when(
        decide({ recommendation: rec, lines: [{ year: 2028, amount: 300_000 }], deviationReason: 'the second year is not planned yet' }),
      )
      .events();
    expect(e.data).toMatchObject({
      deviates: true,
      deviationReason: 'the second year is not planned yet',
      lines: [{ year: 2028, recommended: 300_000 }],
      warnings: [],
    });
    const [same] = spec
      .given(events)
      .when(
        decide({
          recommendation: rec,
          lines: [
            { year: 2028, amount: 300_000 },
            { year: 2029, amount: 100_000 },
          ],
        }),
      )
      .events();
    expect(same.data).toMatchObject({ deviates: false, deviationReason: null });
  });

  it('R14: a decision after the decision date is a warning, not an error', () => {
    const [e] = spec
      .given(oneFrame)
      .when(decide({ today: '2028-05-02' }))
      .events();
    expect(e.data).toMatchObject({ warnings: expect.arrayContaining([expect.objectContaining({ rule: 'R14', field: 'decidedOn' })]) });
  });

  it('a second decision for the same recipient and measure is a conflict: amend instead', () => {
    spec.given(decided(oneFrame, decide())).when(decide()).thenThrows(ConflictError);
  });
});
