import { ConflictError, DomainError, NotFoundError, type Organisation } from '#libs/kernel';
import { fold } from '#libs/platform';
import { forumDecider, membersOn, missingCategoryWarnings, type ForumCommand, type ForumEvent } from './forum.decider.js';

const org = (orgNumber: string, kind: Organisation['kind'], office = 'ROGALAND'): Organisation => ({ orgNumber, name: `Org ${orgNumber}`, kind, municipalityNumber: null, countyNumber: '11', office });
const STAVANGER = org('964965226', 'municipality');
const PRIVATE = org('912345679', 'private_owner');
const UIS = org('971564679', 'university');
const BERGEN = org('964338531', 'municipality', 'VESTLAND');

const created: ForumEvent = { type: 'ForumCreated', data: { forumId: 'rogaland-11', office: 'ROGALAND', name: 'Samarbeidsforum Rogaland', counties: ['11'] } };
const joined = (memberId: string, o: Organisation | null, category: string, joinedOn = '2027-01-01'): ForumEvent => ({
  type: 'ForumMemberJoined',
  data: { forumId: 'rogaland-11', memberId, orgNumber: o?.orgNumber ?? null, name: o?.name ?? 'KS Rogaland', category: category as never, joinedOn, warnings: [] },
});

function given(events: ForumEvent[], when: ForumCommand) {
  return () => forumDecider.decide(when, fold(forumDecider, events));
}
function violationsOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.violations.map((v) => [v.rule, v.field]);
    throw e;
  }
  throw new Error('expected a DomainError');
}
const add = (o: Organisation | null, category: string, extra: Partial<Extract<ForumCommand, { type: 'AddForumMember' }>> = {}): ForumCommand => ({
  type: 'AddForumMember',
  orgNumber: o?.orgNumber ?? null,
  name: null,
  category: category as never,
  joinedOn: '2027-01-01',
  organisation: o,
  ...extra,
});

describe('forum decider', () => {
  it('Given nothing, When a governor creates a forum for counties of its office, Then ForumCreated', () => {
    expect(given([], { type: 'CreateForum', forumId: 'rogaland-11', office: 'ROGALAND', name: ' Samarbeidsforum Rogaland ', counties: ['11'], officeCounties: ['11'], countiesTaken: {} })()).toEqual([created]);
  });

  it('R11: counties must belong to the office and not be covered by another forum of it', () => {
    expect(
      violationsOf(given([], { type: 'CreateForum', forumId: 'oboa-03-11-31', office: 'OBOA', name: 'x', counties: ['03', '11', '31'], officeCounties: ['03', '31', '32', '33'], countiesTaken: { '31': 'oboa-31' } })),
    ).toEqual([
      ['R11', 'counties[1]'],
      ['R11', 'counties[2]'],
    ]);
  });

  it('Given a forum, When created again, Then a conflict', () => {
    expect(given([created], { type: 'CreateForum', forumId: 'rogaland-11', office: 'ROGALAND', name: 'x', counties: ['11'], officeCounties: ['11'], countiesTaken: {} })).toThrow(ConflictError);
  });

  it('R11: members join with category and date; the name comes from the directory', () => {
    expect(given([created], add(STAVANGER, 'school_owner_public'))()).toEqual([joined('M1', STAVANGER, 'school_owner_public')].map((e) => ({ ...e, data: { ...e.data, name: 'Org 964965226' } })));
    expect(given([created], add(null, 'ks', { name: 'KS Rogaland' }))()[0].data).toMatchObject({ memberId: 'M1', orgNumber: null, name: 'KS Rogaland', category: 'ks' });
  });

  it("R11/R12: the governor's office is never a member", () => {
    expect(violationsOf(given([created], add(null, 'other', { orgNumber: '974763230', name: 'Statsforvalteren i Rogaland' })))).toEqual([['R11', 'orgNumber']]);
  });

  it('R11: a category must match the organisation; owners of another office and unregistered ones are refused', () => {
    expect(violationsOf(given([created], add(UIS, 'school_owner_public')))).toEqual([['R11', 'category']]);
    expect(violationsOf(given([created], add(BERGEN, 'school_owner_public')))).toEqual([['R11', 'orgNumber']]);
    expect(violationsOf(given([created], add(null, 'school_owner_private', { orgNumber: '912345679', name: 'Privatskole AS' })))).toEqual([['R19', 'orgNumber']]);
    expect(violationsOf(given([created], add(null, 'university', { name: 'Somebody' })))).toEqual([['R11', 'orgNumber']]);
  });

  it('R11: a university seated outside the region joins with a warning', () => {
    const [e] = given([created], add({ ...UIS, office: 'VESTLAND' }, 'university'))();
    expect(e.type === 'ForumMemberJoined' && e.data.warnings).toEqual([expect.objectContaining({ rule: 'R11', field: 'orgNumber' })]);
  });

  it('R11: an organisation is not a member twice at once, but may rejoin after leaving', () => {
    expect(violationsOf(given([created, joined('M1', STAVANGER, 'school_owner_public')], add(STAVANGER, 'school_owner_public', { joinedOn: '2027-06-01' })))).toEqual([['R11', 'orgNumber']]);
    const left: ForumEvent = { type: 'ForumMemberLeft', data: { forumId: 'rogaland-11', memberId: 'M1', leftOn: '2027-03-01', reason: 'r' } };
    expect(given([created, joined('M1', STAVANGER, 'school_owner_public'), left], add(STAVANGER, 'school_owner_public', { joinedOn: '2027-06-01' }))()[0].data).toMatchObject({ memberId: 'M2' });
  });

  it('R11: a member leaves with a date after joining and a reason; membership as of a date follows', () => {
    const events = [created, joined('M1', STAVANGER, 'school_owner_public'), joined('M2', PRIVATE, 'school_owner_private')];
    expect(violationsOf(given(events, { type: 'RecordMemberLeft', memberId: 'M1', leftOn: '2026-12-01', reason: 'x' }))).toEqual([['R11', 'leftOn']]);
    expect(given(events, { type: 'RecordMemberLeft', memberId: 'M9', leftOn: '2027-12-01', reason: 'x' })).toThrow(NotFoundError);
    const [left] = given(events, { type: 'RecordMemberLeft', memberId: 'M1', leftOn: '2027-09-01', reason: 'merged municipalities' })();
    expect(left).toEqual({ type: 'ForumMemberLeft', data: { forumId: 'rogaland-11', memberId: 'M1', leftOn: '2027-09-01', reason: 'merged municipalities' } });
    const state = fold(forumDecider, [...events, left]);
    expect(membersOn(state, '2027-08-31').map((m) => m.memberId)).toEqual(['M1', 'M2']);
    expect(membersOn(state, '2027-09-01').map((m) => m.memberId)).toEqual(['M2']);
    expect(given([...events, left], { type: 'RecordMemberLeft', memberId: 'M1', leftOn: '2027-10-01', reason: 'x' })).toThrow(ConflictError);
  });

  it('R11: a forum missing a required category gets a warning per missing category', () => {
    const state = fold(forumDecider, [created, joined('M1', STAVANGER, 'school_owner_public'), joined('M2', UIS, 'university')]);
    expect(missingCategoryWarnings(state, '2027-02-01').map((w) => w.field)).toEqual(['forum.members.school_owner_private', 'forum.members.ks', 'forum.members.teacher_union']);
    expect(missingCategoryWarnings(state, '2026-02-01')).toHaveLength(5);
  });

  it('R12: a meeting records who was present; only members on that date', () => {
    const events = [created, joined('M1', STAVANGER, 'school_owner_public'), joined('M2', PRIVATE, 'school_owner_private', '2027-05-01')];
    expect(given(events, { type: 'RecordForumMeeting', date: '2027-03-10', agenda: ['Innstilling 2027'], minutesSummary: 'Agreed.', presentMemberIds: ['M1'] })()).toEqual([
      { type: 'ForumMeetingRecorded', data: { forumId: 'rogaland-11', meetingId: 'MT1', date: '2027-03-10', agenda: ['Innstilling 2027'], minutesSummary: 'Agreed.', present: ['M1'] } },
    ]);
    expect(violationsOf(given(events, { type: 'RecordForumMeeting', date: '2027-03-10', agenda: [], minutesSummary: ' ', presentMemberIds: ['M1', 'M2', 'M7'] }))).toEqual([
      ['R12', 'agenda'],
      ['R12', 'minutesSummary'],
      ['R11', 'presentMemberIds[1]'],
      ['R12', 'presentMemberIds[2]'],
    ]);
  });

  it('Given no forum, When a member is added, Then not found', () => {
    expect(given([], add(STAVANGER, 'school_owner_public'))).toThrow(NotFoundError);
  });
});
