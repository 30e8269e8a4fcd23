import { ConflictError, ForbiddenError } from '#libs/kernel';
import { APPEAL, GRANT, lodge, lodged, SANDNES, spec } from '../appeal.fixtures.js';

describe('lodge an appeal (R23)', () => {
  it('the recipient appeals within three weeks of the letter: timely, with the deadline', () => {
    spec
      .given([])
      .when(lodge())
      .then([
        {
          type: 'AppealLodged',
          data: {
            appealId: APPEAL,
            grantId: GRANT,
            office: 'ROGALAND',
            scheme: 'DEKOMP',
            callId: 'rogaland-dekomp-2028',
            measureId: 'm1',
            recipientOrg: '964965226',
            appellantOrg: '964965226',
            standing: 'recipient',
            requested: 500_000,
            granted: 300_000,
            letter: { n: 1, kind: 'decision', date: '2028-04-20', caseNumber: '2028/DEKOMP-1' },
            grounds: 'the measure needs the full amount',
            lodgedOn: '2028-05-02',
            deadline: '2028-05-11',
            late: false,
          },
        },
      ]);
  });

  it('on the deadline day it is timely; a day later it is accepted and registered as late', () => {
    expect(
      spec
        .given([])
        .when(lodge({ today: '2028-05-11' }))
        .events()[0].data,
    ).toMatchObject({ late: false });
    expect(
      spec
        .given([])
        .when(lodge({ today: '2028-05-12' }))
        .events()[0].data,
    ).toMatchObject({ late: true, deadline: '2028-05-11' });
  });

  it('an owner of the measure that got less than it asked (or nothing) is a party', () => {
    const [e] = spec
      .given([])
      .when(lodge({ appellant: { org: SANDNES, ownsMeasure: true, requested: 200_000, granted: 0 } }))
      .events();
    expect(e.data).toMatchObject({ standing: 'owner', appellantOrg: SANDNES, granted: 0 });
  });

  it('anyone else is refused (403): not an owner, or an owner that got what it asked', () => {
    spec
      .given([])
      .when(lodge({ appellant: { org: SANDNES, ownsMeasure: false, requested: 0, granted: 0 } }))
      .thenThrows(ForbiddenError);
    spec
      .given([])
      .when(lodge({ appellant: { org: SANDNES, ownsMeasure: true, requested: 200_000, granted: 200_000 } }))
      .thenThrows(ForbiddenError);
  });

  it('grounds are required', () => {
    spec
      .given([])
      .when(lodge({ grounds: '  ' }))
      .thenViolatesExactly([['R23', 'grounds']]);
  });

  it('twice on the same decision step is a conflict (409)', () => {
    spec.given(lodged()).when(lodge()).thenThrows(ConflictError);
  });
});
