import { ConflictError, NotFoundError } from '#libs/kernel';
import { lifecycle, spec } from '../recommendation.spec-fixtures.js';

describe("publish the forum's recommendation", () => {
  it('R20: published with its revision; publishing again writes nothing', () => {
    const { recorded, amended, published } = lifecycle();
    expect(published).toEqual({
      type: 'RecommendationPublished',
      data: { recommendationId: 'rogaland-11--rogaland-dekomp-2027', office: 'ROGALAND', revision: 2 },
    });
    spec
      .given([...recorded, amended, published])
      .when({ type: 'PublishRecommendation' })
      .then([]);
  });

  it('a withdrawn one is not published; a missing one is not found', () => {
    spec.given(lifecycle().all).when({ type: 'PublishRecommendation' }).thenThrows(ConflictError);
    spec.given([]).when({ type: 'PublishRecommendation' }).thenThrows(NotFoundError);
  });
});
