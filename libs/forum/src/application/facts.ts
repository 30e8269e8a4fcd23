import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#libs/event-store';
import { ForbiddenError, NotFoundError, type Actor } from '#libs/kernel';
import { EVENT_STORE, fold, type CommandMeta } from '#libs/platform';
import { forumDecider, forumStream, type ForumEvent, type ForumState } from '../domain/forum.decider.js';
import { recommendationDecider, recommendationStream, type RecommendationEvent, type RecommendationState } from '../domain/recommendation.decider.js';

/** The governor's office acting (R11: the governor fixes the membership and records the forum's work). */
export function governorOffice(actor: Actor, what: string): string {
  if (actor.role !== 'governor' || !actor.office) throw new ForbiddenError(`only a governor ${what}`);
  return actor.office;
}

/**
 * Current state of the forum's own aggregates, folded from their streams (no read-model lag), for command
 * handlers that need facts of another stream of this capability.
 */
@Injectable()
export class ForumStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async forum(forumId: string): Promise<ForumState> {
    const events = await this.store.readStream(forumStream(forumId));
    const state = fold(forumDecider, events.map((e) => ({ type: e.type, data: e.data }) as ForumEvent));
    if (!state.forumId) throw new NotFoundError('forum', forumId);
    return state;
  }

  async recommendation(recommendationId: string): Promise<RecommendationState> {
    const events = await this.store.readStream(recommendationStream(recommendationId));
    const state = fold(recommendationDecider, events.map((e) => ({ type: e.type, data: e.data }) as RecommendationEvent));
    if (!state.recommendationId) throw new NotFoundError('recommendation', recommendationId);
    return state;
  }

  /** The forum, checked to be of the acting governor's office (R20). */
  async governedForum(meta: CommandMeta, forumId: string, what: string): Promise<ForumState> {
    const office = governorOffice(meta.actor, what);
    const forum = await this.forum(forumId);
    if (forum.office !== office) throw new ForbiddenError(`forum ${forumId} belongs to governor office ${forum.office}; you act for office ${office}`);
    return forum;
  }

  async governedRecommendation(meta: CommandMeta, recommendationId: string, what: string): Promise<RecommendationState> {
    const office = governorOffice(meta.actor, what);
    const rec = await this.recommendation(recommendationId);
    if (rec.office !== office) throw new ForbiddenError(`recommendation ${recommendationId} belongs to governor office ${rec.office}; you act for office ${office}`);
    return rec;
  }
}
