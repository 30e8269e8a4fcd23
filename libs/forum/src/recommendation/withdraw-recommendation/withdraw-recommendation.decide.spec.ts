import { ConflictError, NotFoundError } from '#libs/kernel';
import { lifecycle, spec } from '../recommendation.spec-fixtures.js';

describe("withdraw the forum's recommendation", () => {
  it('R21: withdrawn with a reason, at its current revision', () => {
    const { withdrawn } = lifecycle();
    expect(withdrawn).toEqual({
      type: 'RecommendationWithdrawn',
      data: { recommendationId: 'rogaland-11--rogaland-dekomp-2027', revision: 2, reason: 'wrong call' },
    });
  });

  it('withdrawn once; a missing one is not found', () => {
    spec.given(lifecycle().all).when({ type: 'WithdrawRecommendation', reason: 'again' }).thenThrows(ConflictError);
    spec.given([]).when({ type: 'WithdrawRecommendation', reason: 'x' }).thenThrows(NotFoundError);
  });
});
