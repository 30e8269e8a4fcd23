import { NotFoundError } from '#libs/kernel';
import { add, BERGEN, created, joined, STAVANGER, spec, UIS } from '../forum.spec-fixtures.js';
import type { ForumEvent } from '../forum.aggregate.js';

describe('add a forum member', () => {
  it('R11: members join with category and date; the name comes from the directory', () => {
    spec
      .given([created])
      .when(add(STAVANGER, 'school_owner_public'))
      .then(
        [joined('M1', STAVANGER, 'school_owner_public')].map((e) => ({ ...e, data: { ...e.data, name: 'Org 964965226' } })) as ForumEvent[],
      );
    expect(
      spec
        .given([created])
        .when(add(null, 'ks', { name: 'KS Rogaland' }))
        .events()[0].data,
    ).toMatchObject({ memberId: 'M1', orgNumber: null, name: 'KS Rogaland', category: 'ks' });
  });

  it("R11/R12: the governor's office is never a member", () => {
    spec
      .given([created])
      .when(add(null, 'other', { orgNumber: '974763230', name: 'Statsforvalteren i Rogaland' }))
      .thenViolatesExactly([['R11', 'orgNumber']]);
  });

  it('R11: a category must match the organisation; owners of another office and unregistered ones are refused', () => {
    spec
      .given([created])
      .when(add(UIS, 'school_owner_public'))
      .thenViolatesExactly([['R11', 'category']]);
    spec
      .given([created])
      .when(add(BERGEN, 'school_owner_public'))
      .thenViolatesExactly([['R11', 'orgNumber']]);
    spec
      .given([created])
      .when(add(null, 'school_owner_private', { orgNumber: '912345679', name: 'Privatskole AS' }))
      .thenViolatesExactly([['R19', 'orgNumber']]);
    spec
      .given([created])
      .when(add(null, 'university', { name: 'Somebody' }))
      .thenViolatesExactly([['R11', 'orgNumber']]);
  });

  it('R11: a university seated outside the region joins with a warning', () => {
    const [e] = spec
      .given([created])
      .when(add({ ...UIS, office: 'VESTLAND' }, 'university'))
      .events();
    expect(e.type === 'ForumMemberJoined' && e.data.warnings).toEqual([expect.objectContaining({ rule: 'R11', field: 'orgNumber' })]);
  });

  it('R11: an organisation is not a member twice at once, but may rejoin after leaving', () => {
    spec
      .given([created, joined('M1', STAVANGER, 'school_owner_public')])
      .when(add(STAVANGER, 'school_owner_public', { joinedOn: '2027-06-01' }))
      .thenViolatesExactly([['R11', 'orgNumber']]);
    const left: ForumEvent = {
      type: 'ForumMemberLeft',
      data: { forumId: 'rogaland-11', memberId: 'M1', leftOn: '2027-03-01', reason: 'r' },
    };
    expect(
      spec
        .given([created, joined('M1', STAVANGER, 'school_owner_public'), left])
        .when(add(STAVANGER, 'school_owner_public', { joinedOn: '2027-06-01' }))
        .events()[0].data,
    ).toMatchObject({ memberId: 'M2' });
  });

  it('Given no forum, When a member is added, Then not found', () => {
    spec.given([]).when(add(STAVANGER, 'school_owner_public')).thenThrows(NotFoundError);
  });
});
