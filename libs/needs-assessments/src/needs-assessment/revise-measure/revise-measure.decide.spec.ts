import { NotFoundError } from '#libs/kernel';
import { A, addMeasure, drafted, history, lead, LEAD, measure, spec } from '../needs-assessment.fixtures.js';

describe('revise a measure', () => {
  it('Given a measure, When the lead revises it, Then MeasureRevised with the next revision', () => {
    const withMeasure = history([drafted], addMeasure());
    spec
      .given(withMeasure)
      .when({ type: 'ReviseMeasure', actor: lead, measureId: 'm-1', measure: { ...measure, title: 'Lesing' } })
      .then([
        {
          type: 'MeasureRevised',
          data: { assessmentId: A, measureId: 'm-1', measure: { ...measure, title: 'Lesing' }, revision: 3, warnings: [] },
        },
      ]);
  });

  it("R9: a shorter span must still hold every organisation's lines", () => {
    const withLines = history([drafted], addMeasure(), {
      type: 'SetMeasureLines',
      actor: lead,
      measureId: 'm-1',
      org: LEAD,
      lines: { budget: [{ year: 2028, category: 'implementation', amount: 1 }], coFinancing: [] },
    });
    spec
      .given(withLines)
      .when({ type: 'ReviseMeasure', actor: lead, measureId: 'm-1', measure: { ...measure, spanYears: 1 } })
      .thenViolatesExactly([['R9', `lines.${LEAD}.budget[0].year`]]);
  });

  it('Given no such measure, Then not found', () => {
    spec.given([drafted]).when({ type: 'ReviseMeasure', actor: lead, measureId: 'x', measure }).thenThrows(NotFoundError);
  });
});
