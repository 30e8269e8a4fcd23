import type { Organisation } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import type { AddForumMember } from './add-member/add-member.decide.js';
import { Forum, type ForumCreated, type ForumEvent } from './forum.aggregate.js';

/** Shared Given-events of the forum's decide specs. */
export const spec = deciderSpec(Forum.decider);

export const org = (orgNumber: string, kind: Organisation['kind'], office = 'ROGALAND'): Organisation => ({
  orgNumber,
  name: `Org ${orgNumber}`,
  kind,
  municipalityNumber: null,
  countyNumber: '11',
  office,
});
export const STAVANGER = org('964965226', 'municipality');
export const PRIVATE = org('912345679', 'private_owner');
export const UIS = org('971564679', 'university');
export const BERGEN = org('964338531', 'municipality', 'VESTLAND');

export const created: ForumCreated = {
  type: 'ForumCreated',
  data: { forumId: 'rogaland-11', office: 'ROGALAND', name: 'Samarbeidsforum Rogaland', counties: ['11'] },
};

export const joined = (memberId: string, o: Organisation | null, category: string, joinedOn = '2027-01-01'): ForumEvent => ({
  type: 'ForumMemberJoined',
  data: {
    forumId: 'rogaland-11',
    memberId,
    orgNumber: o?.orgNumber ?? null,
    name: o?.name ?? 'KS Rogaland',
    category: category as never,
    joinedOn,
    warnings: [],
  },
});

export const add = (o: Organisation | null, category: string, extra: Partial<AddForumMember> = {}): AddForumMember => ({
  type: 'AddForumMember',
  orgNumber: o?.orgNumber ?? null,
  name: null,
  category: category as never,
  joinedOn: '2027-01-01',
  organisation: o,
  ...extra,
});
