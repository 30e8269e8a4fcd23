import { defineAggregate, type DomainEvent } from '#libs/platform';
import type { MeasureInput, Outcome, Vote } from '../recommendation/content/content.js';
import {
  decideAddDraftMeasures,
  decideRemoveDraftMeasure,
  decideReplaceDraftMeasure,
  type AddDraftMeasures,
  type RemoveDraftMeasure,
  type ReplaceDraftMeasure,
} from './edit-draft/edit-draft.decide.js';
import { decideMarkDraftPublished, type MarkDraftPublished } from './publish-draft/publish-draft.decide.js';
import { decideStartDraft, type StartDraft } from './start-draft/start-draft.decide.js';

/**
 * A recommendation in parts: the secretariat starts a draft for a call (meeting, outcome, vote), adds measures in
 * pages, replaces and removes them, then publishes it, and only then is it recorded — with R13 (and R9, R1–R3,
 * R11, R12) checked over every line at once — and published. Stream `RecommendationDraft-<recommendationId>`.
 */
export type DraftCommand = StartDraft | AddDraftMeasures | ReplaceDraftMeasure | RemoveDraftMeasure | MarkDraftPublished;

export interface DraftHeader {
  recommendationId: string;
  forumId: string;
  office: string;
  callId: string;
  meetingId: string;
  outcome: Outcome;
  vote: Vote | null;
  note: string | null;
}

/** A draft's measure: as sent, except that it is named (measureId). */
export type DraftMeasure = MeasureInput & { measureId: string };

export type DraftStarted = DomainEvent<'RecommendationDraftStarted', DraftHeader>;
export type DraftMeasuresAdded = DomainEvent<'RecommendationDraftMeasuresAdded', { recommendationId: string; measures: DraftMeasure[] }>;
export type DraftMeasureReplaced = DomainEvent<'RecommendationDraftMeasureReplaced', { recommendationId: string; measure: DraftMeasure }>;
export type DraftMeasureRemoved = DomainEvent<'RecommendationDraftMeasureRemoved', { recommendationId: string; measureId: string }>;
export type DraftPublished = DomainEvent<'RecommendationDraftPublished', { recommendationId: string; revision: number; measures: number }>;
export type DraftEvent = DraftStarted | DraftMeasuresAdded | DraftMeasureReplaced | DraftMeasureRemoved | DraftPublished;

export interface DraftState {
  header: DraftHeader | null;
  status: 'none' | 'draft' | 'published';
  /** In priority order. */
  measures: DraftMeasure[];
}

export function evolveDraft(state: DraftState, e: DraftEvent): DraftState {
  switch (e.type) {
    case 'RecommendationDraftStarted':
      return { header: e.data, status: 'draft', measures: [] };
    case 'RecommendationDraftMeasuresAdded':
      return { ...state, measures: [...state.measures, ...e.data.measures] };
    case 'RecommendationDraftMeasureReplaced':
      return { ...state, measures: state.measures.map((m) => (m.measureId === e.data.measure.measureId ? e.data.measure : m)) };
    case 'RecommendationDraftMeasureRemoved':
      return { ...state, measures: state.measures.filter((m) => m.measureId !== e.data.measureId) };
    case 'RecommendationDraftPublished':
      return { ...state, status: 'published' };
  }
}

export function decideDraft(c: DraftCommand, state: DraftState): DraftEvent[] {
  switch (c.type) {
    case 'StartDraft':
      return decideStartDraft(c, state);
    case 'AddDraftMeasures':
      return decideAddDraftMeasures(c, state);
    case 'ReplaceDraftMeasure':
      return decideReplaceDraftMeasure(c, state);
    case 'RemoveDraftMeasure':
      return decideRemoveDraftMeasure(c, state);
    case 'MarkDraftPublished':
      return decideMarkDraftPublished(c, state);
    default: {
      const unknown: never = c;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const RecommendationDraft = defineAggregate<DraftCommand, DraftState, DraftEvent>({
  name: 'RecommendationDraft',
  decider: { initialState: { header: null, status: 'none', measures: [] }, evolve: evolveDraft, decide: decideDraft },
  eventTypes: {
    RecommendationDraftStarted: 1,
    RecommendationDraftMeasuresAdded: 1,
    RecommendationDraftMeasureReplaced: 1,
    RecommendationDraftMeasureRemoved: 1,
    RecommendationDraftPublished: 1,
  },
});
