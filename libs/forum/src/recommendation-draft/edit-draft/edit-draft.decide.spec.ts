import { ConflictError, NotFoundError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { RecommendationDraft, type DraftEvent } from '../recommendation-draft.aggregate.js';

const spec = deciderSpec(RecommendationDraft.decider);
const header = {
  recommendationId: 'f--c',
  forumId: 'f',
  office: 'ROGALAND',
  callId: 'c',
  meetingId: 'MT1',
  outcome: 'consensus' as const,
  vote: null,
  note: null,
};
const started: DraftEvent = { type: 'RecommendationDraftStarted', data: header };
const m = (measureId: string) => ({ measureId, participants: 'p' });

describe('a recommendation in parts', () => {
  it('starts once; pages are appended in priority order; each measure once in the whole draft (R13)', () => {
    spec
      .given([])
      .when({ type: 'StartDraft', ...header })
      .then([started]);
    spec
      .given([started])
      .when({ type: 'StartDraft', ...header })
      .thenThrows(ConflictError);
    const page1 = spec
      .given([started])
      .when({ type: 'AddDraftMeasures', measures: [m('a'), m('b')] })
      .events();
    const s = spec.given([started, ...page1]);
    expect(s.state.measures.map((x) => x.measureId)).toEqual(['a', 'b']);
    s.when({ type: 'AddDraftMeasures', measures: [m('c'), m('a'), {}] }).thenViolatesExactly([
      ['R13', 'measures[1].measureId'],
      ['R13', 'measures[2].measureId'],
    ]);
    spec
      .given([started])
      .when({ type: 'AddDraftMeasures', measures: Array.from({ length: 51 }, (_, i) => m(`x${i}`)) })
      .thenViolatesExactly([['page', 'measures']]);
  });

  it('replaces a measure in its place and removes one; an absent one is not found', () => {
    const page: DraftEvent = { type: 'RecommendationDraftMeasuresAdded', data: { recommendationId: 'f--c', measures: [m('a'), m('b')] } };
    const replaced = spec
      .given([started, page])
      .when({ type: 'ReplaceDraftMeasure', measureId: 'a', measure: { participants: 'q' } })
      .events();
    expect(spec.given([started, page, ...replaced]).state.measures).toEqual([{ measureId: 'a', participants: 'q' }, m('b')]);
    const removed = spec.given([started, page]).when({ type: 'RemoveDraftMeasure', measureId: 'a' }).events();
    expect(spec.given([started, page, ...removed]).state.measures).toEqual([m('b')]);
    spec.given([started, page]).when({ type: 'RemoveDraftMeasure', measureId: 'z' }).thenThrows(NotFoundError);
  });

  it('after publication the draft is closed', () => {
    const published = spec.given([started]).when({ type: 'MarkDraftPublished', revision: 1 }).events();
    expect(published).toEqual([{ type: 'RecommendationDraftPublished', data: { recommendationId: 'f--c', revision: 1, measures: 0 } }]);
    spec
      .given([started, ...published])
      .when({ type: 'AddDraftMeasures', measures: [m('a')] })
      .thenThrows(ConflictError);
  });
});
