import type { RecommendationLookup } from '#libs/kernel';
import type { RecommendationFacts } from './frame-ledger.aggregate.js';

/** R12: the forum's recommendation for one measure and recipient, through RECOMMENDATION_LOOKUP. */
export async function recommendationFor(
  lookup: RecommendationLookup,
  callId: string,
  measureId: string,
  recipientOrg: string,
): Promise<RecommendationFacts> {
  const rec = await lookup.forCall(callId);
  if (!rec) return { basis: 'no_recommendation', recommendationId: null, lines: [] };
  if (rec.outcome === 'no_agreement') return { basis: 'no_agreement', recommendationId: rec.recommendationId, lines: [] };
  return {
    basis: 'recommendation',
    recommendationId: rec.recommendationId,
    lines: rec.lines
      .filter((l) => l.measureId === measureId && l.recipientOrg === recipientOrg)
      .map((l) => ({ year: l.year, amount: l.amount })),
  };
}
