import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOf, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { CommandRunner, Versioned, type CommandMeta } from '#libs/platform';
import { PublishDraftCommand } from './publish-draft/publish-draft.handler.js';
import { RecommendationDraft } from './recommendation-draft.aggregate.js';
import { DraftPageDto, ReplaceDraftMeasureDto, StartDraftDto } from './recommendation-draft.dto.js';
import { assertGovernsDraft, EditDraftCommand, StartDraftCommand } from './recommendation-draft.handlers.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller()
export class RecommendationDraftRoute {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: CommandRunner,
  ) {}

  @Post('forums/:forumId/recommendation-drafts')
  @Roles('governor')
  @Created('/recommendation-drafts/{id}')
  @ApiOperation({ summary: "Start the forum's recommendation for a call in parts: meeting, outcome, vote; the measures follow in pages" })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  start(@CommandContext() meta: CommandMeta, @Param('forumId') forumId: string, @Body() body: StartDraftDto) {
    return this.commands.execute(new StartDraftCommand(meta, forumId, body));
  }

  @Post('recommendation-drafts/:id/measures')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Add a page of measures (at most 50) in priority order; each measure once in the draft' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  add(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: DraftPageDto) {
    return this.commands.execute(new EditDraftCommand(meta, id, { type: 'AddDraftMeasures', measures: body.measures }));
  }

  @Put('recommendation-drafts/:id/measures/:measureId')
  @Roles('governor')
  @ApiOperation({ summary: 'Replace one measure of the draft (its place in the priority order stays)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  replace(
    @CommandContext() meta: CommandMeta,
    @Param('id') id: string,
    @Param('measureId') measureId: string,
    @Body() body: ReplaceDraftMeasureDto,
  ) {
    return this.commands.execute(new EditDraftCommand(meta, id, { type: 'ReplaceDraftMeasure', measureId, measure: body.measure }));
  }

  @Delete('recommendation-drafts/:id/measures/:measureId')
  @Roles('governor')
  @ApiOperation({ summary: 'Remove one measure from the draft' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  remove(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Param('measureId') measureId: string) {
    return this.commands.execute(new EditDraftCommand(meta, id, { type: 'RemoveDraftMeasure', measureId }));
  }

  @Post('recommendation-drafts/:id/publication')
  @Roles('governor')
  @Created('/recommendations/{id}')
  @ApiOperation({ summary: 'Record the draft as the recommendation (R13 over every line, R11, R12) and publish it (R20)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  publish(@CommandContext() meta: CommandMeta, @Param('id') id: string) {
    return this.commands.execute(new PublishDraftCommand(meta, id));
  }

  @Get('recommendation-drafts/:id')
  @Roles('governor')
  @ApiOperation({ summary: 'The draft: meeting, outcome, status and its measures in priority order' })
  @ApiRead()
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @AsOf() asOf?: number) {
    const { state, version } = await this.runner.load(RecommendationDraft, id, asOf);
    const header = assertGovernsDraft(actor, id, state, 'reads recommendation drafts');
    return new Versioned({ ...header, status: state.status, count: state.measures.length, measures: state.measures }, version);
  }
}
