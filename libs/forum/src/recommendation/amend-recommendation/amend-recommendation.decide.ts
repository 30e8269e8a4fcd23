import { ConflictError, NotFoundError } from '#libs/kernel';
import type { RecommendationContent, RecommendationFacts } from '../content/content.js';
import { validateContent } from '../content/validate-content.js';
import type { ExistingRecommendation, RecommendationEvent, RecommendationState } from '../recommendation.aggregate.js';

export interface AmendRecommendation {
  type: 'AmendRecommendation';
  content: RecommendationContent;
  facts: RecommendationFacts;
  reason: string;
}

/** R21: an amendment is a new revision with a reason; the old ones stay readable. Not after a withdrawal. */
export function decideAmendRecommendation(command: AmendRecommendation, state: RecommendationState): RecommendationEvent[] {
  if (state.status === 'none') throw new NotFoundError('recommendation', '(this id)');
  if (state.status === 'withdrawn') throw new ConflictError('the recommendation was withdrawn: record a new one');
  const rec = state as ExistingRecommendation;
  const body = validateContent(rec.recommendationId, rec.callId, rec.revision + 1, command.content, command.facts);
  return [{ type: 'RecommendationAmended', data: { ...body, reason: command.reason } }];
}
