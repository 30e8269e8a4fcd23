import { defineAggregate, type DomainEvent } from '#libs/platform';
import type { RecommendationBody } from './content/content.js';
import { decideAmendRecommendation, type AmendRecommendation } from './amend-recommendation/amend-recommendation.decide.js';
import { decidePublishRecommendation, type PublishRecommendation } from './publish-recommendation/publish-recommendation.decide.js';
import { decideRecordRecommendation, type RecordRecommendation } from './record-recommendation/record-recommendation.decide.js';
import { decideWithdrawRecommendation, type WithdrawRecommendation } from './withdraw-recommendation/withdraw-recommendation.decide.js';

/**
 * The forum's recommendation (innstilling) for a call: which measures to fund with how much money per recipient
 * and year (R13), reached by consensus or a vote, or recorded as no agreement (R12). One stream per forum and
 * call; amended and withdrawn with a reason (R21), published to the office's school owners (R20).
 */
export type RecommendationCommand = RecordRecommendation | AmendRecommendation | PublishRecommendation | WithdrawRecommendation;

export type RecommendationRecorded = DomainEvent<'RecommendationRecorded', RecommendationBody>;
export type RecommendationAmended = DomainEvent<'RecommendationAmended', RecommendationBody & { reason: string }>;
export type RecommendationPublished = DomainEvent<
  'RecommendationPublished',
  { recommendationId: string; office: string; revision: number }
>;
export type RecommendationWithdrawn = DomainEvent<
  'RecommendationWithdrawn',
  { recommendationId: string; revision: number; reason: string }
>;
export type RecommendationEvent = RecommendationRecorded | RecommendationAmended | RecommendationPublished | RecommendationWithdrawn;

export interface RecommendationState {
  recommendationId: string | null;
  forumId: string | null;
  callId: string | null;
  office: string | null;
  status: 'none' | 'recorded' | 'published' | 'withdrawn';
  revision: number;
}

/** A recommendation that exists (what the commands after RecordRecommendation act on). */
export type ExistingRecommendation = RecommendationState & { recommendationId: string; forumId: string; callId: string; office: string };

export const initialRecommendationState: RecommendationState = {
  recommendationId: null,
  forumId: null,
  callId: null,
  office: null,
  status: 'none',
  revision: 0,
};

/** One recommendation per forum and call. */
export const recommendationIdOf = (forumId: string, callId: string) => `${forumId}--${callId}`;

export function evolveRecommendation(state: RecommendationState, event: RecommendationEvent): RecommendationState {
  switch (event.type) {
    case 'RecommendationRecorded': {
      const { recommendationId, forumId, callId, office, revision } = event.data;
      return { recommendationId, forumId, callId, office, status: 'recorded', revision };
    }
    case 'RecommendationAmended':
      return { ...state, revision: event.data.revision };
    case 'RecommendationPublished':
      return { ...state, status: 'published' };
    case 'RecommendationWithdrawn':
      return { ...state, status: 'withdrawn' };
  }
}

export function decideRecommendation(command: RecommendationCommand, state: RecommendationState): RecommendationEvent[] {
  switch (command.type) {
    case 'RecordRecommendation':
      return decideRecordRecommendation(command, state);
    case 'AmendRecommendation':
      return decideAmendRecommendation(command, state);
    case 'PublishRecommendation':
      return decidePublishRecommendation(command, state);
    case 'WithdrawRecommendation':
      return decideWithdrawRecommendation(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const Recommendation = defineAggregate<RecommendationCommand, RecommendationState, RecommendationEvent>({
  name: 'Recommendation',
  decider: { initialState: initialRecommendationState, evolve: evolveRecommendation, decide: decideRecommendation },
  eventTypes: { RecommendationRecorded: 1, RecommendationAmended: 1, RecommendationPublished: 1, RecommendationWithdrawn: 1 },
});

/** Kept for callers that name the stream: `Recommendation-<recommendationId>`. */
export const recommendationStream = (recommendationId: string) => Recommendation.streamOf(recommendationId);
