import { ConflictError } from '#libs/kernel';
import { commit, committed, measure, spec, UIS } from '../partnership.fixtures.js';

describe('decline a partnership', () => {
  it('R3: a university declines for lack of competence or capacity; it answers once', () => {
    const declined = spec
      .given([])
      .when({ type: 'DeclinePartnership', university: UIS, measure, reason: 'capacity', explanation: 'full' })
      .events();
    expect(declined).toEqual([
      {
        type: 'PartnershipDeclined',
        data: { measureId: 'm-1', assessmentId: 'a-1', university: UIS, office: 'ROGALAND', reason: 'capacity', explanation: 'full' },
      },
    ]);
    spec.given(declined).when(commit).thenThrows(ConflictError);
    spec
      .given([committed])
      .when({ type: 'DeclinePartnership', university: UIS, measure, reason: 'competence', explanation: '' })
      .thenThrows(ConflictError);
  });
});
