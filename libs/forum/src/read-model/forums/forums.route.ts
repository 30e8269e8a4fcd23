import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf, PageQueryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { GetForum, GetForumHistory, ListForumMeetings, ListForumMembers, ListForums } from './forums.queries.js';
import { GetForumMembership } from './membership.queries.js';
import {
  ForumListQueryDto,
  ForumViewDto,
  MeetingViewDto,
  MembersQueryDto,
  MembershipQueryDto,
  MembershipRowDto,
  MemberViewDto,
  OnDateQueryDto,
} from './forums.view.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller()
export class ForumsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get('forums')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "Forums with their membership by category on a date: a governor its office's, the ministry all" })
  @ApiPage(ForumViewDto)
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: ForumListQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListForums(actor, filter, pageOf(filter), asOf));
  }

  @Get('forum-membership')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: 'Forum membership by category per office and forum, on a date or during a year (evaluation export)' })
  @ApiPage(MembershipRowDto)
  @ApiRead()
  membership(@CurrentActor() actor: Actor, @Query() filter: MembershipQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetForumMembership(actor, filter, pageOf(filter), asOf));
  }

  @Get('forums/:forumId')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: 'One forum with its members on a date (default today) and missing categories (R11); its version as ETag' })
  @ApiOkResponse({ type: ForumViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('forumId') forumId: string, @Query() q: OnDateQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetForum(actor, forumId, q.on, asOf));
  }

  @Get('forums/:forumId/members')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: 'Members with their categories and dates: all over time, or those on a date (?on=)' })
  @ApiPage(MemberViewDto)
  @ApiRead()
  members(@CurrentActor() actor: Actor, @Param('forumId') forumId: string, @Query() q: MembersQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListForumMembers(actor, forumId, q.on, pageOf(q), asOf));
  }

  @Get('forums/:forumId/meetings')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "The forum's meetings" })
  @ApiPage(MeetingViewDto)
  @ApiRead()
  meetings(@CurrentActor() actor: Actor, @Param('forumId') forumId: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListForumMeetings(actor, forumId, pageOf(page), asOf));
  }

  @Get('forums/:forumId/history')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "The forum's events in order: type, time, actor, reason (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('forumId') forumId: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetForumHistory(actor, forumId, pageOf(page), asOf));
  }
}
