import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOfPipe, CommandContext, CommandResultDto, HistoryEntryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import type { CommandMeta } from '#libs/platform';
import { AddForumMember, CreateForum, RecordForumMeeting, RecordMemberLeft, RecordRecommendation } from '../application/commands.js';
import { GetForum, GetForumHistory, GetForumMembership, ListForumMeetings, ListForumMembers, ListForums } from '../application/queries.js';
import {
  AddForumMemberDto,
  CreateForumDto,
  ForumListQueryDto,
  ForumViewDto,
  MeetingViewDto,
  MemberLeftDto,
  MemberViewDto,
  MembershipQueryDto,
  MembershipRowDto,
  OnDateQueryDto,
  RecordMeetingDto,
  RecordRecommendationDto,
} from './dto.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller()
export class ForumsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('forums')
  @Roles('governor')
  @ApiOperation({ summary: "Create a forum (samarbeidsforum) for some of your office's counties" })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  create(@CommandContext() meta: CommandMeta, @Body() body: CreateForumDto) {
    return this.commands.execute(new CreateForum(meta, body));
  }

  @Post('forums/:forumId/members')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'A member joins the forum with its category and date (R11: the governor fixes the membership; its own office is never a member). Answers memberId.' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  addMember(@CommandContext() meta: CommandMeta, @Param('forumId') forumId: string, @Body() body: AddForumMemberDto) {
    return this.commands.execute(new AddForumMember(meta, forumId, body));
  }

  @Post('forums/:forumId/members/:memberId/departure')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'A member leaves the forum on a date, with a reason (R11, R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  memberLeft(@CommandContext() meta: CommandMeta, @Param('forumId') forumId: string, @Param('memberId') memberId: string, @Body() body: MemberLeftDto) {
    return this.commands.execute(new RecordMemberLeft(meta, forumId, memberId, body));
  }

  @Post('forums/:forumId/meetings')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Record a meeting: date, agenda, minutes summary, members present. Answers meetingId.' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  recordMeeting(@CommandContext() meta: CommandMeta, @Param('forumId') forumId: string, @Body() body: RecordMeetingDto) {
    return this.commands.execute(new RecordForumMeeting(meta, forumId, body));
  }

  @Post('forums/:forumId/recommendations')
  @Roles('governor')
  @ApiOperation({
    summary: "Record the forum's recommendation (innstilling) for a call: consensus, vote, or no agreement (R12); every R13 part is required and every missing one is named; R11 warnings for missing member categories",
  })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  recordRecommendation(@CommandContext() meta: CommandMeta, @Param('forumId') forumId: string, @Body() body: RecordRecommendationDto) {
    return this.commands.execute(new RecordRecommendation(meta, forumId, body));
  }

  @Get('forums')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "Forums with their membership by category on a date: a governor its office's, the ministry all" })
  @ApiOkResponse({ type: [ForumViewDto] })
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: ForumListQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListForums(actor, filter, asOf));
  }

  @Get('forum-membership')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: 'Forum membership by category per office and forum, on a date or during a year (evaluation export)' })
  @ApiOkResponse({ type: [MembershipRowDto] })
  @ApiRead()
  membership(@CurrentActor() actor: Actor, @Query() filter: MembershipQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetForumMembership(actor, filter, asOf));
  }

  @Get('forums/:forumId')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: 'One forum with its members on a date (default today) and missing categories (R11)' })
  @ApiOkResponse({ type: ForumViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('forumId') forumId: string, @Query() q: OnDateQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetForum(actor, forumId, q.on, asOf));
  }

  @Get('forums/:forumId/members')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: 'Members with their categories and dates: all over time, or those on a date (?on=)' })
  @ApiOkResponse({ type: [MemberViewDto] })
  @ApiRead()
  members(@CurrentActor() actor: Actor, @Param('forumId') forumId: string, @Query() q: OnDateQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListForumMembers(actor, forumId, q.on, asOf));
  }

  @Get('forums/:forumId/meetings')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "The forum's meetings" })
  @ApiOkResponse({ type: [MeetingViewDto] })
  @ApiRead()
  meetings(@CurrentActor() actor: Actor, @Param('forumId') forumId: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListForumMeetings(actor, forumId, asOf));
  }

  @Get('forums/:forumId/history')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "The forum's events in order: type, time, actor, reason (R21)" })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('forumId') forumId: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetForumHistory(actor, forumId, asOf));
  }
}
