import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOfPipe, CommandContext, CommandResultDto, HistoryEntryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import type { CommandMeta } from '#libs/platform';
import { AmendRecommendation, PublishRecommendation, WithdrawRecommendation } from '../application/commands.js';
import { GetRecommendation, GetRecommendationHistory, GetRecommendationRevisions, ListRecommendations } from '../application/queries.js';
import { AmendRecommendationDto, RecommendationListQueryDto, RecommendationViewDto, RevisionViewDto, WithdrawRecommendationDto } from './dto.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('recommendations')
export class RecommendationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':recommendationId/amendments')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Amend the recommendation with a reason: a new revision, the old ones stay readable (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  amend(@CommandContext() meta: CommandMeta, @Param('recommendationId') id: string, @Body() body: AmendRecommendationDto) {
    return this.commands.execute(new AmendRecommendation(meta, id, body));
  }

  @Post(':recommendationId/publication')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: "Publish the recommendation to the office's school owners (R20)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  publish(@CommandContext() meta: CommandMeta, @Param('recommendationId') id: string) {
    return this.commands.execute(new PublishRecommendation(meta, id));
  }

  @Post(':recommendationId/withdrawal')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Withdraw the recommendation with a reason (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  withdraw(@CommandContext() meta: CommandMeta, @Param('recommendationId') id: string, @Body() body: WithdrawRecommendationDto) {
    return this.commands.execute(new WithdrawRecommendation(meta, id, body));
  }

  @Get()
  @ApiOperation({
    summary:
      "Recommendations (R20): the ministry all; a governor its office's; a school owner the published ones of its office; a university the published ones naming it (cooperating or recipient)",
  })
  @ApiOkResponse({ type: [RecommendationViewDto] })
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: RecommendationListQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListRecommendations(actor, filter, asOf));
  }

  @Get(':recommendationId')
  @ApiOperation({ summary: 'One recommendation with its warnings; 404 to a school owner or university that may not see it (unpublished ones do not leak), 403 to another office' })
  @ApiOkResponse({ type: RecommendationViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('recommendationId') id: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetRecommendation(actor, id, asOf));
  }

  @Get(':recommendationId/revisions')
  @ApiOperation({ summary: 'Every revision of the recommendation, with the reason of each amendment (R21)' })
  @ApiOkResponse({ type: [RevisionViewDto] })
  @ApiRead()
  revisions(@CurrentActor() actor: Actor, @Param('recommendationId') id: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetRecommendationRevisions(actor, id, asOf));
  }

  @Get(':recommendationId/history')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "The recommendation's events in order: type, time, actor, reason (R21)" })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('recommendationId') id: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetRecommendationHistory(actor, id, asOf));
  }
}
