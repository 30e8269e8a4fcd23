import { ForbiddenError, NotFoundError } from '#libs/kernel';
import { addMeasure, co, CO, drafted, history, invite, lead, LEAD, lines, spec, UIS } from '../needs-assessment.fixtures.js';

describe("set an organisation's money lines", () => {
  it('R20: a network owner setting lines of a measure that does not exist gets not-found', () => {
    spec
      .given(history([drafted], invite()))
      .when(lines(LEAD, 1, 0, co))
      .thenThrows(NotFoundError);
  });

  it('R5/R6/R7/R9: lines name every broken rule together', () => {
    const withMeasure = history([drafted], addMeasure());
    spec
      .given(withMeasure)
      .when({
        type: 'SetMeasureLines',
        actor: lead,
        measureId: 'm-1',
        org: LEAD,
        lines: {
          budget: [{ year: 2030, category: 'travel', amount: 1.5, creditBearing: true, individual: true }],
          coFinancing: [{ year: 2027, amount: 10, form: 'goodwill' }],
        },
      })
      .thenViolatesExactly([
        ['R6', 'budget[0].category'],
        ['R5', 'budget[0].creditBearing'],
        ['R5', 'budget[0].individual'],
        ['money', 'budget[0].amount'],
        ['R9', 'budget[0].year'],
        ['R7', 'coFinancing[0].form'],
      ]);
    spec
      .given(withMeasure)
      .when(lines(UIS, 10_000, 5_000))
      .thenViolatesExactly([['R7', 'coFinancing[0]']]);
  });

  it('R6 coordinator share and R7 co-financing below the minimum are warnings', () => {
    const withMeasure = history([drafted], addMeasure());
    const [set] = spec
      .given(withMeasure)
      .when({
        type: 'SetMeasureLines',
        actor: lead,
        measureId: 'm-1',
        org: LEAD,
        lines: {
          budget: [
            { year: 2027, category: 'implementation', amount: 80_000 },
            { year: 2027, category: 'coordinator', amount: 20_000 },
          ],
          coFinancing: [{ year: 2027, amount: 29_999, form: 'money' }],
        },
      })
      .events();
    expect(set.data).toMatchObject({
      warnings: [{ rule: 'R6' }, { rule: 'R7', message: expect.stringContaining('minimum for 100000 requested is 30000') }],
    });
    const [ok] = spec
      .given(withMeasure)
      .when(lines(LEAD, 100_000, 30_000))
      .events();
    expect(ok.data).toMatchObject({ warnings: [] });
  });

  it('R10: each network owner sets only its own lines; the lead also the university line', () => {
    const net = history([drafted], invite(), addMeasure());
    spec
      .given(net)
      .when(lines(LEAD, 1, 0, co))
      .thenThrows(ForbiddenError);
    spec
      .given(net)
      .when(lines(CO, 1, 0, lead))
      .thenThrows(ForbiddenError);
    expect(
      spec
        .given(net)
        .when(lines(CO, 1, 1, co))
        .events()[0].type,
    ).toBe('MeasureLinesSet');
    expect(
      spec
        .given(net)
        .when(lines(UIS, 1, 0, lead))
        .events()[0].type,
    ).toBe('MeasureLinesSet');
  });
});
