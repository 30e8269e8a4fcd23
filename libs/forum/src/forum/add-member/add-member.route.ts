import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AddForumMemberDto } from './add-member.dto.js';
import { AddForumMemberCommand } from './add-member.handler.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('forums')
export class AddForumMemberRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/members')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({
    summary:
      'A member joins the forum with its category and date (R11: the governor fixes the membership; its own office is never a member). Answers memberId.',
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  addMember(@CommandContext() meta: CommandMeta, @Param('forumId') forumId: string, @Body() body: AddForumMemberDto) {
    return this.commands.execute(new AddForumMemberCommand(meta, forumId, body));
  }
}
