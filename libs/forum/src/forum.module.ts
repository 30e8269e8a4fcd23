import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RECOMMENDATION_LOOKUP } from '#libs/kernel';
import {
  AddForumMemberHandler,
  AmendRecommendationHandler,
  CreateForumHandler,
  PublishRecommendationHandler,
  RecordForumMeetingHandler,
  RecordMemberLeftHandler,
  RecordRecommendationHandler,
  WithdrawRecommendationHandler,
} from './application/commands.js';
import { ForumStreams } from './application/facts.js';
import { ReadModelRecommendationLookup } from './application/lookup.js';
import {
  GetForumHandler,
  GetForumHistoryHandler,
  GetForumMembershipHandler,
  GetRecommendationHandler,
  GetRecommendationHistoryHandler,
  GetRecommendationRevisionsHandler,
  ListForumMeetingsHandler,
  ListForumMembersHandler,
  ListForumsHandler,
  ListRecommendationsHandler,
} from './application/queries.js';
import { ForumsController } from './http/forums.controller.js';
import { RecommendationsController } from './http/recommendations.controller.js';

/** The forum (samarbeidsforum) and its recommendations; provides RECOMMENDATION_LOOKUP to every capability. */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [ForumsController, RecommendationsController],
  providers: [
    ForumStreams,
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
    { provide: RECOMMENDATION_LOOKUP, useClass: ReadModelRecommendationLookup },
  ],
  exports: [RECOMMENDATION_LOOKUP],
})
export class ForumModule {}
