import { ConflictError } from '#libs/kernel';
import { COUNTY, frameSet, measured, paid, reported, spec, spentOn } from '../county-frame.spec-fixtures.js';

const given = [frameSet(), paid(1_000_000), measured('M1', 900_000), spentOn('M1', 850_000)];

describe("the county's report to Udir (R15, R24, R26)", () => {
  it('Given paid and spent, When the county reports by the deadline, Then YrkesfagReportSubmitted with paid, spent and unspent', () => {
    spec
      .given(given)
      .when({ type: 'SubmitReport', year: 2027, evaluation: 'Godt år', today: '2028-01-15' })
      .then([
        {
          type: 'YrkesfagReportSubmitted',
          data: {
            county: COUNTY,
            year: 2027,
            submittedOn: '2028-01-15',
            deadline: '2028-01-15',
            late: false,
            evaluation: 'Godt år',
            paid: 1_000_000,
            spent: 850_000,
            unspent: 150_000,
          },
        },
      ]);
  });

  it('R15: a late report is accepted and marked late; a second one is a conflict', () => {
    const [e] = spec.given(given).when({ type: 'SubmitReport', year: 2027, evaluation: 'Sent', today: '2028-01-16' }).events();
    expect(e.data).toMatchObject({ late: true });
    spec
      .given([...given, reported()])
      .when({ type: 'SubmitReport', year: 2027, evaluation: 'x', today: '2028-01-16' })
      .thenThrows(ConflictError);
  });
});
