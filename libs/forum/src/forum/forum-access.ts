import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import type { ExistingForum, ForumState } from './forum.aggregate.js';

/** R20: the forum exists and belongs to the acting governor's office (the governor fixes its membership, R11). */
export function assertGovernsForum(actor: Actor, forumId: string, state: ForumState, action: string): ExistingForum {
  AccessPolicy.governorOffice(actor, action);
  if (!state.forumId || !state.office) throw new NotFoundError('forum', forumId);
  AccessPolicy.assertGovernorOf(actor, state.office, action, `forum ${forumId}`);
  return state as ExistingForum;
}
