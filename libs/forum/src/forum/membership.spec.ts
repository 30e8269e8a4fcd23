import { created, joined, STAVANGER, spec, UIS } from './forum.spec-fixtures.js';
import { missingCategoryWarnings } from './membership.js';

describe('forum membership on a date', () => {
  it('R11: a forum missing a required category gets a warning per missing category', () => {
    const state = spec.given([created, joined('M1', STAVANGER, 'school_owner_public'), joined('M2', UIS, 'university')]).state;
    expect(missingCategoryWarnings(state, '2027-02-01').map((w) => w.field)).toEqual([
      'forum.members.school_owner_private',
      'forum.members.ks',
      'forum.members.teacher_union',
    ]);
    expect(missingCategoryWarnings(state, '2026-02-01')).toHaveLength(5);
  });
});
