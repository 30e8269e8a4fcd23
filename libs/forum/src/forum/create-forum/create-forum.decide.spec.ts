import { ConflictError } from '#libs/kernel';
import { created, spec } from '../forum.spec-fixtures.js';

describe('create a forum', () => {
  it('Given nothing, When a governor creates a forum for counties of its office, Then ForumCreated', () => {
    spec
      .given([])
      .when({
        type: 'CreateForum',
        forumId: 'rogaland-11',
        office: 'ROGALAND',
        name: ' Samarbeidsforum Rogaland ',
        counties: ['11'],
        officeCounties: ['11'],
        countiesTaken: {},
      })
      .then([created]);
  });

  it('R11: counties must belong to the office and not be covered by another forum of it', () => {
    spec
      .given([])
      .when({
        type: 'CreateForum',
        forumId: 'oboa-03-11-31',
        office: 'OBOA',
        name: 'x',
        counties: ['03', '11', '31'],
        officeCounties: ['03', '31', '32', '33'],
        countiesTaken: { '31': 'oboa-31' },
      })
      .thenViolatesExactly([
        ['R11', 'counties[1]'],
        ['R11', 'counties[2]'],
      ]);
  });

  it('Given a forum, When created again, Then a conflict', () => {
    spec
      .given([created])
      .when({
        type: 'CreateForum',
        forumId: 'rogaland-11',
        office: 'ROGALAND',
        name: 'x',
        counties: ['11'],
        officeCounties: ['11'],
        countiesTaken: {},
      })
      .thenThrows(ConflictError);
  });
});
