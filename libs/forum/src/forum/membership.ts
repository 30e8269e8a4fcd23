import { NotFoundError } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import { CATEGORY_LABELS, REQUIRED_CATEGORIES } from './categories.js';
import type { ExistingForum, ForumMember, ForumState } from './forum.aggregate.js';

/** R11: a member on `date` joined on or before it and had not left by then. */
export const isMemberOn = (m: ForumMember, date: string) => m.joinedOn <= date && (m.leftOn === null || m.leftOn > date);

export const membersOn = (state: Pick<ForumState, 'members'>, date: string) => state.members.filter((m) => isMemberOn(m, date));

/** R11: the required categories with no member on `date`; each is a warning on a recommendation. */
export function missingCategoryWarnings(state: Pick<ForumState, 'members'>, date: string): Warning[] {
  const present = new Set(membersOn(state, date).map((m) => m.category));
  return REQUIRED_CATEGORIES.filter((c) => !present.has(c)).map((c) => ({
    rule: 'R11',
    field: `forum.members.${c}`,
    message: `the forum had no member among ${CATEGORY_LABELS[c]} on ${date}: R11 requires public and private school owners, universities with a tie to the region, KS and the teacher unions`,
  }));
}

/** The forum a command acts on: it must exist. */
export function existingForum(state: ForumState): ExistingForum {
  if (!state.forumId || !state.office) throw new NotFoundError('forum', '(this id)');
  return state as ExistingForum;
}
