import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RECOMMENDATION_LOOKUP } from '#libs/kernel';
import { AddForumMemberHandler } from './forum/add-member/add-member.handler.js';
import { AddForumMemberRoute } from './forum/add-member/add-member.route.js';
import { CreateForumHandler } from './forum/create-forum/create-forum.handler.js';
import { CreateForumRoute } from './forum/create-forum/create-forum.route.js';
import { RecordForumMeetingHandler } from './forum/record-meeting/record-meeting.handler.js';
import { RecordForumMeetingRoute } from './forum/record-meeting/record-meeting.route.js';
import { RecordMemberLeftHandler } from './forum/record-member-left/record-member-left.handler.js';
import { RecordMemberLeftRoute } from './forum/record-member-left/record-member-left.route.js';
import {
  GetForumHandler,
  GetForumHistoryHandler,
  ListForumMeetingsHandler,
  ListForumMembersHandler,
  ListForumsHandler,
} from './read-model/forums/forums.queries.js';
import { ForumsRoute } from './read-model/forums/forums.route.js';
import { GetForumMembershipHandler } from './read-model/forums/membership.queries.js';
import { ReadModelRecommendationLookup } from './read-model/recommendations/recommendation-lookup.js';
import { RecommendationVisibility } from './read-model/recommendations/recommendation-visibility.js';
import {
  GetRecommendationHandler,
  GetRecommendationHistoryHandler,
  GetRecommendationRevisionsHandler,
  ListRecommendationsHandler,
} from './read-model/recommendations/recommendations.queries.js';
import { RecommendationsRoute } from './read-model/recommendations/recommendations.route.js';
import { AmendRecommendationHandler } from './recommendation/amend-recommendation/amend-recommendation.handler.js';
import { AmendRecommendationRoute } from './recommendation/amend-recommendation/amend-recommendation.route.js';
import { RecommendationFactsLookup } from './recommendation/content/recommendation-facts.js';
import { PublishRecommendationHandler } from './recommendation/publish-recommendation/publish-recommendation.handler.js';
import { PublishRecommendationRoute } from './recommendation/publish-recommendation/publish-recommendation.route.js';
import { RecordRecommendationHandler } from './recommendation/record-recommendation/record-recommendation.handler.js';
import { RecordRecommendationRoute } from './recommendation/record-recommendation/record-recommendation.route.js';
import { WithdrawRecommendationHandler } from './recommendation/withdraw-recommendation/withdraw-recommendation.handler.js';
import { WithdrawRecommendationRoute } from './recommendation/withdraw-recommendation/withdraw-recommendation.route.js';
import { PublishDraftHandler } from './recommendation-draft/publish-draft/publish-draft.handler.js';
import { EditDraftHandler, StartDraftHandler } from './recommendation-draft/recommendation-draft.handlers.js';
import { RecommendationDraftRoute } from './recommendation-draft/recommendation-draft.route.js';

/** The forum (samarbeidsforum) and its recommendations; provides RECOMMENDATION_LOOKUP to every capability. */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [
    CreateForumRoute,
    AddForumMemberRoute,
    RecordMemberLeftRoute,
    RecordForumMeetingRoute,
    RecordRecommendationRoute,
    ForumsRoute,
    AmendRecommendationRoute,
    PublishRecommendationRoute,
    WithdrawRecommendationRoute,
    RecommendationsRoute,
    RecommendationDraftRoute,
  ],
  providers: [
    RecommendationFactsLookup,
    RecommendationVisibility,
    CreateForumHandler,
    AddForumMemberHandler,
    RecordMemberLeftHandler,
    RecordForumMeetingHandler,
    RecordRecommendationHandler,
    AmendRecommendationHandler,
    PublishRecommendationHandler,
    WithdrawRecommendationHandler,
    ListForumsHandler,
    GetForumHandler,
    ListForumMembersHandler,
    ListForumMeetingsHandler,
    GetForumHistoryHandler,
    GetForumMembershipHandler,
    ListRecommendationsHandler,
    GetRecommendationHandler,
    GetRecommendationRevisionsHandler,
    GetRecommendationHistoryHandler,
    StartDraftHandler,
    EditDraftHandler,
    PublishDraftHandler,
    { provide: RECOMMENDATION_LOOKUP, useClass: ReadModelRecommendationLookup },
  ],
  exports: [RECOMMENDATION_LOOKUP],
})
export class ForumModule {}
