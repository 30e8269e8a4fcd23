import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { MemberLeftDto } from './record-member-left.dto.js';
import { RecordMemberLeftCommand } from './record-member-left.handler.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('forums')
export class RecordMemberLeftRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/members/:memberId/departure')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'A member leaves the forum on a date, with a reason (R11, R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  memberLeft(
    @CommandContext() meta: CommandMeta,
    @Param('forumId') forumId: string,
    @Param('memberId') memberId: string,
    @Body() body: MemberLeftDto,
  ) {
    return this.commands.execute(new RecordMemberLeftCommand(meta, forumId, memberId, body));
  }
}
