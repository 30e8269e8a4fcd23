import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import type { ExistingRecommendation, RecommendationState } from './recommendation.aggregate.js';

/** R20: the recommendation exists and belongs to the acting governor's office. */
export function assertGovernsRecommendation(
  actor: Actor,
  recommendationId: string,
  state: RecommendationState,
  action: string,
): ExistingRecommendation {
  AccessPolicy.governorOffice(actor, action);
  if (!state.recommendationId || !state.office) throw new NotFoundError('recommendation', recommendationId);
  AccessPolicy.assertGovernorOf(actor, state.office, action, `recommendation ${recommendationId}`);
  return state as ExistingRecommendation;
}
