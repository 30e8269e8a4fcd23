import { ConflictError } from '#libs/kernel';
import type { RecommendationContent, RecommendationFacts } from '../content/content.js';
import { validateContent } from '../content/validate-content.js';
import type { RecommendationEvent, RecommendationState } from '../recommendation.aggregate.js';

export interface RecordRecommendation {
  type: 'RecordRecommendation';
  recommendationId: string;
  callId: string;
  content: RecommendationContent;
  facts: RecommendationFacts;
}

/** R11–R13: the forum's recommendation for a call; one at a time (a withdrawn one may be recorded anew). */
export function decideRecordRecommendation(command: RecordRecommendation, state: RecommendationState): RecommendationEvent[] {
  if (state.status === 'recorded' || state.status === 'published') {
    throw new ConflictError(
      `the forum has a recommendation for call ${command.callId} already (revision ${state.revision}): amend or withdraw it`,
    );
  }
  const body = validateContent(command.recommendationId, command.callId, state.revision + 1, command.content, command.facts);
  return [{ type: 'RecommendationRecorded', data: body }];
}
