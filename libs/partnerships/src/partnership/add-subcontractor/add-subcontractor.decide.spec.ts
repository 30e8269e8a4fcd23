import { ConflictError } from '#libs/kernel';
import { committed, spec, sub, UIS } from '../partnership.fixtures.js';

describe('add a subcontractor', () => {
  it('R2: subcontractors come under a committed university line; above 50 % in total is a warning, above 100 % refused', () => {
    spec.given([]).when(sub('920000002', 10)).thenThrows(ConflictError);
    const [first] = spec.given([committed]).when(sub('920000002', 40)).events();
    expect(first).toMatchObject({ type: 'SubcontractorAdded', data: { totalSharePercent: 40, warnings: [] } });
    const [second] = spec.given([committed, first]).when(sub('930000000', 20)).events();
    expect(second.data).toMatchObject({ totalSharePercent: 60, warnings: [{ rule: 'R2', field: 'sharePercent' }] });
    spec
      .given([committed, first, second])
      .when(sub('940000009', 50))
      .thenViolatesExactly([['R2', 'sharePercent']]);
  });

  it('R19/R2: a subcontractor has a valid org number and is not the university itself', () => {
    spec
      .given([committed])
      .when(sub('123456789', 10))
      .thenViolatesExactly([['R19', 'orgNumber']]);
    spec
      .given([committed])
      .when(sub(UIS, 10))
      .thenViolatesExactly([['R2', 'orgNumber']]);
  });
});
