import { ConflictError, DomainError, NotFoundError, type RuleViolation } from '#libs/kernel';
import type { MeasureInput } from '../../recommendation/content/content.js';
import type { DraftEvent, DraftMeasure, DraftState } from '../recommendation-draft.aggregate.js';

/** Measures per page: a whole office's recommendation (~230 measures) goes in parts. */
export const MAX_DRAFT_PAGE = 50;

export interface AddDraftMeasures {
  type: 'AddDraftMeasures';
  measures: MeasureInput[];
}
export interface ReplaceDraftMeasure {
  type: 'ReplaceDraftMeasure';
  measureId: string;
  measure: MeasureInput;
}
export interface RemoveDraftMeasure {
  type: 'RemoveDraftMeasure';
  measureId: string;
}

function open(state: DraftState): string {
  if (state.status === 'none' || !state.header) throw new NotFoundError('recommendation draft', '(this id)');
  if (state.status === 'published') throw new ConflictError('the draft is published: amend the recommendation instead');
  return state.header.recommendationId;
}

const named = (m: MeasureInput): m is DraftMeasure => typeof m.measureId === 'string' && m.measureId.trim() !== '';

/** A page of measures, appended in priority order; each named once in the whole draft (R13). The rest waits for publication. */
export function decideAddDraftMeasures(c: AddDraftMeasures, state: DraftState): DraftEvent[] {
  const recommendationId = open(state);
  const v: RuleViolation[] = [];
  if (c.measures.length === 0) v.push({ rule: 'R13', field: 'measures', message: 'a page has at least one measure' });
  if (c.measures.length > MAX_DRAFT_PAGE)
    v.push({ rule: 'page', field: 'measures', message: `at most ${MAX_DRAFT_PAGE} measures per page: send the rest in the next` });
  const seen = new Set(state.measures.map((m) => m.measureId));
  c.measures.forEach((m, i) => {
    if (!named(m)) v.push({ rule: 'R13', field: `measures[${i}].measureId`, message: 'name the measure' });
    else if (seen.has(m.measureId))
      v.push({
        rule: 'R13',
        field: `measures[${i}].measureId`,
        message: `measure ${m.measureId} is in the draft already: replace it instead`,
      });
    else seen.add(m.measureId);
  });
  if (v.length) throw new DomainError(v);
  return [{ type: 'RecommendationDraftMeasuresAdded', data: { recommendationId, measures: c.measures as DraftMeasure[] } }];
}

export function decideReplaceDraftMeasure(c: ReplaceDraftMeasure, state: DraftState): DraftEvent[] {
  const recommendationId = open(state);
  if (!state.measures.some((m) => m.measureId === c.measureId)) throw new NotFoundError('measure in the draft', c.measureId);
  if (c.measure.measureId !== undefined && c.measure.measureId !== c.measureId)
    throw DomainError.of('R13', 'measure.measureId', `the path names ${c.measureId}: remove it and add ${c.measure.measureId} instead`);
  return [{ type: 'RecommendationDraftMeasureReplaced', data: { recommendationId, measure: { ...c.measure, measureId: c.measureId } } }];
}

export function decideRemoveDraftMeasure(c: RemoveDraftMeasure, state: DraftState): DraftEvent[] {
  const recommendationId = open(state);
  if (!state.measures.some((m) => m.measureId === c.measureId)) throw new NotFoundError('measure in the draft', c.measureId);
  return [{ type: 'RecommendationDraftMeasureRemoved', data: { recommendationId, measureId: c.measureId } }];
}
