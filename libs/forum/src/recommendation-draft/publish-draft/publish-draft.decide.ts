import { ConflictError, NotFoundError } from '#libs/kernel';
import type { DraftEvent, DraftState } from '../recommendation-draft.aggregate.js';

export interface MarkDraftPublished {
  type: 'MarkDraftPublished';
  /** The revision of the recommendation it was recorded as. */
  revision: number;
}

/** After the recommendation is recorded (R13 over every line) and published: the draft is closed. */
export function decideMarkDraftPublished(c: MarkDraftPublished, state: DraftState): DraftEvent[] {
  if (state.status === 'none' || !state.header) throw new NotFoundError('recommendation draft', '(this id)');
  if (state.status === 'published') throw new ConflictError('the draft is published already');
  return [
    {
      type: 'RecommendationDraftPublished',
      data: { recommendationId: state.header.recommendationId, revision: c.revision, measures: state.measures.length },
    },
  ];
}
