import { ConflictError, NotFoundError } from '#libs/kernel';
import { commit, committed, measure, spec } from '../partnership.fixtures.js';

describe('commit to a partnership', () => {
  it('Given a request, When the named university commits, Then PartnershipCommitted', () => {
    spec.given([]).when(commit).then([committed]);
  });

  it('R20: a university not named by the measure learns nothing of it', () => {
    spec
      .given([])
      .when({ ...commit, measure: { ...measure, namesUniversity: false } })
      .thenThrows(NotFoundError);
  });

  it('R3/R9: a commitment names competence areas, capacity, a period inside the measure, and a contact role', () => {
    spec
      .given([])
      .when({ ...commit, competenceAreas: [' '], capacityHoursPerYear: 0, toYear: 2029, contactRole: '' })
      .thenViolatesExactly([
        ['R3', 'competenceAreas'],
        ['R3', 'capacityHoursPerYear'],
        ['R9', 'period'],
        ['R3', 'contactRole'],
      ]);
  });

  it('a withdrawn assessment takes no answer; a university commits once', () => {
    spec
      .given([])
      .when({ ...commit, measure: { ...measure, withdrawn: true } })
      .thenThrows(ConflictError);
    spec.given([committed]).when(commit).thenThrows(ConflictError);
  });
});
