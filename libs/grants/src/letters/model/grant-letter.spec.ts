import { amendmentEvent, decisionEvent, GRANT, names, settings, wordsOf } from '../letters.fixtures.js';
import { addDays, appealDeadlineOf, kroner } from './format.js';
import { grantLetter } from './grant-letter.js';
import { grantLetterFacts, grantLetterSteps } from './grant-steps.js';

const steps = grantLetterSteps(
  GRANT,
  [decisionEvent(), amendmentEvent()],
  [
    {
      event: {
        type: 'RepaymentClaimed',
        data: {
          grantId: GRANT,
          office: 'ROGALAND',
          scheme: 'DEKOMP',
          recipientOrg: '964965226',
          claimId: 'c1',
          year: 2028,
          amount: 12_500,
          reason: 'not spent',
          claimedOn: '2029-02-01',
        },
      },
      position: 12,
    },
  ],
);
const letterOf = (n: number, s = settings()) => grantLetter(grantLetterFacts(steps[n - 1], s, names));

describe('the letter model (R22)', () => {
  it('one letter per decision, amendment and repayment claim, numbered in event order', () => {
    expect(steps.map((s) => [s.n, s.kind, s.date, s.caseNumber])).toEqual([
      [1, 'decision', '2028-04-20', '2028/DEKOMP-1'],
      [2, 'amendment', '2028-05-10', '2028/DEKOMP-1'],
      [3, 'repayment_claim', '2029-02-01', '2028/DEKOMP-1'],
    ]);
  });

  it('a decision letter states recipient, money per year, the minimum and its forms, the conditions and the case number', () => {
    const m = letterOf(1);
    const words = wordsOf(m);
    expect(m.title).toBe('Vedtak om tilskudd – 2028');
    expect(m.references).toEqual([
      ['Vår dato', '20. april 2028'],
      ['Vår referanse', '2028/DEKOMP-1'],
    ]);
    expect(m.recipient).toEqual(['Stavanger kommune', 'org.nr. 964 965 226']);
    expect(m.blocks).toContainEqual({
      type: 'table',
      columns: ['År', 'Tilskudd', 'Minste egenandel', 'Rapportfrist'],
      rows: [
        ['2028', kroner(300_000), kroner(90_000), '15. januar 2029'],
        ['2029', kroner(200_000), kroner(60_000), '15. januar 2030'],
      ],
      total: ['Sum', kroner(500_000), kroner(150_000), ''],
    });
    expect(words).toContain('minst 30 prosent av tilskuddet hvert år, i alt minst 150 000 kr');
    expect(words).toMatch(/penger, lønn eller frikjøpt tid/);
    expect(words).toMatch(/rapportere .* innen rapportfristen/);
    expect(words).toMatch(/ikke er brukt.*skal betales tilbake/);
    expect(words).toContain('Tiltak: Lesing i alle fag (saksnummer 2028/DEKOMP-1)');
  });

  it('R12: the reasons name every year that differs from the recommendation, and why', () => {
    const words = wordsOf(letterOf(1));
    expect(words).toContain('for 2028 tilrådde forumet 350 000 kr, vedtaket gir 300 000 kr');
    expect(words).not.toContain('for 2029 tilrådde');
    expect(words).toContain('Begrunnelsen for avviket er: the first year starts in the autumn');
  });

  it('R22/R23: three weeks to appeal, to the governor, Udir the appellate body, the deadline the letter date + 21 days', () => {
    const m = letterOf(1);
    expect(m.appealDeadline).toBe('2028-05-11');
    expect(appealDeadlineOf('2028-12-20')).toBe('2029-01-10');
    expect(addDays('2028-02-20', 21)).toBe('2028-03-12');
    const words = wordsOf(m);
    expect(words).toMatch(/innen tre uker/);
    expect(words).toMatch(/Klagen sendes til Statsforvalteren i Rogaland/);
    expect(words).toMatch(/Utdanningsdirektoratet \(Udir\), som er klageinstans/);
    expect(words).toContain('klagefristen 11. mai 2028');
  });

  it('an amendment letter shows before and now, the new minimum (computed for a line stored without it) and the reason', () => {
    const m = letterOf(2);
    expect(m.title).toBe('Vedtak om endring av tilskudd');
    expect(m.blocks).toContainEqual({
      type: 'table',
      columns: ['År', 'Før', 'Nå'],
      rows: [
        ['2028', kroner(300_000), kroner(350_000)],
        ['2029', kroner(200_000), kroner(200_000)],
      ],
      total: ['Sum', kroner(500_000), kroner(550_000)],
    });
    const words = wordsOf(m);
    expect(words).toContain('i alt minst 165 000 kr');
    expect(words).toContain('Begrunnelse: the appeal is upheld in part');
    expect(m.appealDeadline).toBe('2028-05-31');
  });

  it('a repayment claim letter states the amount and the year', () => {
    expect(wordsOf(letterOf(3))).toContain('krever 12 500 kr av tilskuddet for 2028 betalt tilbake');
  });

  it('nynorsk where the office chooses it', () => {
    const m = letterOf(1, settings({ language: 'nn' }));
    const words = wordsOf(m);
    expect(m.title).toBe('Vedtak om tilskot – 2028');
    expect(m.letterhead[0]).toBe('Statsforvaltaren i Rogaland');
    expect(words).toContain('Minste eigendel');
    expect(words).toMatch(/innan tre veker/);
    expect(words).toContain('Grunngjevinga for avviket er');
    expect(m.closing[0]).toBe('Med helsing');
  });

  it('a university has no co-financing minimum', () => {
    const uni = grantLetterSteps(
      GRANT,
      [
        decisionEvent({
          recipientKind: 'university',
          lines: [{ year: 2028, amount: 100_000, reportDeadline: '2029-01-15', recommended: null, coFinancingRequired: 0 }],
          basis: 'no_recommendation',
          deviates: false,
          deviationReason: null,
        }),
      ],
      [],
    );
    const words = wordsOf(grantLetter(grantLetterFacts(uni[0], settings(), names)));
    expect(words).toContain('Det er ikke krav om egenandel');
    expect(words).not.toContain('Minste egenandel');
    expect(words).toContain('ingen tilråding fra samarbeidsforumet');
  });
});
