import { ConflictError } from '#libs/kernel';
import type { GrantEvent } from '../grant.aggregate.js';
import { accepted, base, paid, report, spec, university, violationsOf } from '../grant.fixtures.js';

const afterPay = [accepted, paid(2028, 100_001)];

describe('submit a report (R7, R15, R16, R17)', () => {
  it('a report accounts for the money paid, co-financing by form, participants by role and the own evaluation', () => {
    const [e] = spec.given(afterPay).when(report()).events();
    expect(e).toMatchObject({
      type: 'GrantReportSubmitted',
      data: {
        year: 2028,
        coFinancingProvided: { total: 30_001 },
        coFinancingRequired: 30_001,
        coFinancingShortfall: null,
        late: false,
        deadline: '2029-01-15',
        warnings: [],
      },
    });
    expect(violationsOf(afterPay, report({ unspent: 0 }))).toEqual([expect.objectContaining({ rule: 'R16', field: 'unspent' })]);
  });

  it('R7: documented co-financing below the minimum puts the grant in shortfall (a warning, the report is kept)', () => {
    const [e] = spec
      .given(afterPay)
      .when(report({ coFinancingProvided: { money: 0, salary: 20_000, releasedTime: 0 } }))
      .events();
    expect(e.data).toMatchObject({
      coFinancingShortfall: { required: 30_001, documented: 20_000, missing: 10_001 },
      warnings: [expect.objectContaining({ rule: 'R7' })],
    });
  });

  it('R17: a university states what fed back into teacher education', () => {
    const uniEvents: GrantEvent[] = [{ type: 'GrantAccepted', data: { ...base, coFinancing: [], acceptedOn: '2028-05-10' } }];
    expect(violationsOf(uniEvents, report({ grant: university, spent: 0, unspent: 0 }))).toEqual([
      expect.objectContaining({ rule: 'R17', field: 'teacherEducationFeedback' }),
    ]);
    const [e] = spec
      .given(uniEvents)
      .when(report({ grant: university, spent: 0, unspent: 0, teacherEducationFeedback: 'New module in the master programme' }))
      .events();
    expect(e.data).toMatchObject({
      coFinancingRequired: 0,
      coFinancingShortfall: null,
      teacherEducationFeedback: 'New module in the master programme',
    });
  });

  it('a late report is kept with an R15 warning; a second report for the year is a conflict', () => {
    const [e] = spec
      .given(afterPay)
      .when(report({ today: '2029-02-01' }))
      .events();
    expect(e.data).toMatchObject({ late: true, warnings: [expect.objectContaining({ rule: 'R15' })] });
    spec
      .given([...afterPay, e])
      .when(report())
      .thenThrows(ConflictError);
  });

  it('a grant never accepted has nothing to report', () => {
    spec
      .given([])
      .when(report({ spent: 0, unspent: 0 }))
      .thenViolates('acceptance', 'grantId');
  });
});
