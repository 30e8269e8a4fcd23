import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf, PageQueryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { GetRecommendation, GetRecommendationHistory, GetRecommendationRevisions, ListRecommendations } from './recommendations.queries.js';
import { RecommendationListQueryDto, RecommendationViewDto, RevisionViewDto } from './recommendations.view.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('recommendations')
export class RecommendationsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "Recommendations (R20): the ministry all; a governor its office's; a school owner the published ones of its office; a university the published ones naming it (cooperating or recipient)",
  })
  @ApiPage(RecommendationViewDto)
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: RecommendationListQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListRecommendations(actor, filter, pageOf(filter), asOf));
  }

  @Get(':recommendationId')
  @ApiOperation({
    summary:
      'One recommendation with its warnings, its version as ETag; 404 to a school owner or university that may not see it (unpublished ones do not leak), 403 to another office',
  })
  @ApiOkResponse({ type: RecommendationViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('recommendationId') id: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetRecommendation(actor, id, asOf));
  }

  @Get(':recommendationId/revisions')
  @ApiOperation({ summary: 'Every revision of the recommendation, with the reason of each amendment (R21)' })
  @ApiPage(RevisionViewDto)
  @ApiRead()
  revisions(@CurrentActor() actor: Actor, @Param('recommendationId') id: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetRecommendationRevisions(actor, id, pageOf(page), asOf));
  }

  @Get(':recommendationId/history')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "The recommendation's events in order: type, time, actor, reason (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('recommendationId') id: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetRecommendationHistory(actor, id, pageOf(page), asOf));
  }
}
