import { withNames } from '#libs/projections';
import { upcast } from '#libs/platform';
import { Forum } from '../forum/forum.aggregate.js';
import { Recommendation } from '../recommendation/recommendation.aggregate.js';
import { FORUM_MEASURE_TITLES, FORUM_ORG_NAMES } from './forum-names.js';
import { applyForumEvent, forumsSchema } from './forums/forums.projection.js';
import { applyRecommendationEvent, recommendationsSchema } from './recommendations/recommendations.projection.js';

const FORUM_TYPES: readonly string[] = Object.keys(Forum.eventTypes);

/**
 * The forum read model: forums with their members over time and meetings (read-model/forums), and
 * recommendations with every revision (read-model/recommendations). One projection, so an as-of query rebuilds
 * them together; with the organisations' names and the measures' titles their own events tell (as of then).
 */
export const forumProjection = withNames(
  {
    name: 'forum',
    version: 3,
    schema: `${forumsSchema}${recommendationsSchema}`,
    handles: [...FORUM_TYPES, ...Object.keys(Recommendation.eventTypes)],
    async apply(stored, sql) {
      if (FORUM_TYPES.includes(stored.type)) await applyForumEvent(upcast(Forum, stored), stored, sql);
      else await applyRecommendationEvent(upcast(Recommendation, stored), stored, sql);
    },
  },
  FORUM_ORG_NAMES,
  FORUM_MEASURE_TITLES,
);
