import { ConflictError, NotFoundError } from '#libs/kernel';
import type { ExistingRecommendation, RecommendationEvent, RecommendationState } from '../recommendation.aggregate.js';

export interface PublishRecommendation {
  type: 'PublishRecommendation';
}

/** R20: published to the office's school owners; publishing again changes nothing; a withdrawn one is not published. */
export function decidePublishRecommendation(_command: PublishRecommendation, state: RecommendationState): RecommendationEvent[] {
  if (state.status === 'none') throw new NotFoundError('recommendation', '(this id)');
  if (state.status === 'withdrawn') throw new ConflictError('a withdrawn recommendation is not published');
  if (state.status === 'published') return [];
  const rec = state as ExistingRecommendation;
  return [
    { type: 'RecommendationPublished', data: { recommendationId: rec.recommendationId, office: rec.office, revision: rec.revision } },
  ];
}
