import { ConflictError, NotFoundError } from '#libs/kernel';
import { consensus, facts, lifecycle, spec } from '../recommendation.spec-fixtures.js';

describe("amend the forum's recommendation", () => {
  it('R21: amend with a reason makes a new revision', () => {
    const { amended } = lifecycle();
    expect(amended).toMatchObject({ type: 'RecommendationAmended', data: { revision: 2, reason: 'typo in amount', note: 'corrected' } });
  });

  it('R21: a withdrawn one is not amended', () => {
    spec
      .given(lifecycle().all)
      .when({ type: 'AmendRecommendation', content: consensus, facts: facts(), reason: 'x' })
      .thenThrows(ConflictError);
  });

  it('Given no recommendation, Then not found', () => {
    spec.given([]).when({ type: 'AmendRecommendation', content: consensus, facts: facts(), reason: 'x' }).thenThrows(NotFoundError);
  });
});
