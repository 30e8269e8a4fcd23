import { ConflictError, NotFoundError } from '#libs/kernel';
import { accepted, base, owner, paid, report, spec } from '../grant.fixtures.js';

const afterPay = [accepted, paid(2028, 100_001)];

describe('approve a report', () => {
  it('the governor approves a submitted report once', () => {
    const [r] = spec.given(afterPay).when(report()).events();
    spec
      .given([...afterPay, r])
      .when({ type: 'ApproveReport', grant: owner, year: 2028, today: '2029-02-01' })
      .then([{ type: 'GrantReportApproved', data: { ...base, year: 2028, approvedOn: '2029-02-01' } }]);
    spec.given(afterPay).when({ type: 'ApproveReport', grant: owner, year: 2028, today: '2029-02-01' }).thenThrows(NotFoundError);
    const [a] = spec
      .given([...afterPay, r])
      .when({ type: 'ApproveReport', grant: owner, year: 2028, today: '2029-02-01' })
      .events();
    spec
      .given([...afterPay, r, a])
      .when({ type: 'ApproveReport', grant: owner, year: 2028, today: '2029-02-02' })
      .thenThrows(ConflictError);
  });
});
