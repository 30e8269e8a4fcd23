import { ConflictError } from '#libs/kernel';
import { COUNTY, frameSet, reported, spec } from '../county-frame.spec-fixtures.js';

describe("extend a county's report deadline (R26)", () => {
  it('Given the default deadline, When extended with a reason, Then YrkesfagReportDeadlineExtended', () => {
    spec
      .given([frameSet()])
      .when({ type: 'ExtendReportDeadline', year: 2027, deadline: '2028-02-15', reason: 'new accounting system' })
      .then([
        {
          type: 'YrkesfagReportDeadlineExtended',
          data: { county: COUNTY, year: 2027, previousDeadline: '2028-01-15', deadline: '2028-02-15', reason: 'new accounting system' },
        },
      ]);
  });

  it('R26: only later; not after the report arrived', () => {
    spec
      .given([frameSet()])
      .when({ type: 'ExtendReportDeadline', year: 2027, deadline: '2028-01-15', reason: 'x' })
      .thenViolates('R26', 'deadline');
    spec
      .given([frameSet(), reported()])
      .when({ type: 'ExtendReportDeadline', year: 2027, deadline: '2028-02-15', reason: 'x' })
      .thenThrows(ConflictError);
  });
});
