import { ConflictError, NotFoundError } from '#libs/kernel';
import type { ExistingRecommendation, RecommendationEvent, RecommendationState } from '../recommendation.aggregate.js';

export interface WithdrawRecommendation {
  type: 'WithdrawRecommendation';
  reason: string;
}

/** R21: withdrawn once, with a reason. */
export function decideWithdrawRecommendation(command: WithdrawRecommendation, state: RecommendationState): RecommendationEvent[] {
  if (state.status === 'none') throw new NotFoundError('recommendation', '(this id)');
  if (state.status === 'withdrawn') throw new ConflictError('the recommendation is withdrawn already');
  const rec = state as ExistingRecommendation;
  return [
    { type: 'RecommendationWithdrawn', data: { recommendationId: rec.recommendationId, revision: rec.revision, reason: command.reason } },
  ];
}
