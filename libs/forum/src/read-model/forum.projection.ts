import type { Projection } from '#libs/projections';
import { upcast } from '#libs/platform';
import { Forum } from '../forum/forum.aggregate.js';
import { Recommendation } from '../recommendation/recommendation.aggregate.js';
import { applyForumEvent, forumsSchema } from './forums/forums.projection.js';
import { applyRecommendationEvent, recommendationsSchema } from './recommendations/recommendations.projection.js';

const FORUM_TYPES: readonly string[] = Object.keys(Forum.eventTypes);

/**
 * The forum read model: forums with their members over time and meetings (read-model/forums), and
 * recommendations with every revision (read-model/recommendations). One projection, so an as-of query rebuilds
 * them together.
 */
export const forumProjection: Projection = {
  name: 'forum',
  version: 1,
  schema: `${forumsSchema}${recommendationsSchema}`,
  handles: [...FORUM_TYPES, ...Object.keys(Recommendation.eventTypes)],
  async apply(stored, sql) {
    if (FORUM_TYPES.includes(stored.type)) await applyForumEvent(upcast(Forum, stored), stored, sql);
    else await applyRecommendationEvent(upcast(Recommendation, stored), stored, sql);
  },
};
