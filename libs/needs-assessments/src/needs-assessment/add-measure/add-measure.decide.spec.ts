import { addMeasure, drafted, measure, spec, uni, UIA, UIS } from '../needs-assessment.fixtures.js';

describe('add a measure', () => {
  it('R3: a commercial actor is never a partner (R2), the partner must be a university, and one outside the region is a warning', () => {
    spec
      .given([drafted])
      .when(addMeasure('m-1', { orgNumber: UIS, kind: 'commercial', office: 'ROGALAND' }))
      .thenViolatesExactly([['R2', 'university']]);
    spec
      .given([drafted])
      .when(addMeasure('m-1', { orgNumber: UIS, kind: 'other', office: 'ROGALAND' }))
      .thenViolatesExactly([['R3', 'university']]);
    const [added] = spec
      .given([drafted])
      .when(addMeasure('m-1', uni(UIA, 'AGDER')))
      .events();
    expect(added).toMatchObject({
      type: 'MeasureAdded',
      data: { measure: { university: { org: UIA, local: false } }, warnings: [{ rule: 'R3', field: 'measures[0].university' }] },
    });
  });

  it('R9: one to three school years, from the call year', () => {
    spec
      .given([drafted])
      .when(addMeasure('m-1', uni(UIS), { ...measure, spanYears: 4, startYear: 2025 }))
      .thenViolatesExactly([
        ['R9', 'spanYears'],
        ['R9', 'startYear'],
      ]);
  });
});
