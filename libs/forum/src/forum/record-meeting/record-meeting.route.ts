import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RecordMeetingDto } from './record-meeting.dto.js';
import { RecordForumMeetingCommand } from './record-meeting.handler.js';

@ApiTags('forum')
@ApiBearerAuth('bearer')
@Controller('forums')
export class RecordForumMeetingRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/meetings')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Record a meeting: date, agenda, minutes summary, members present. Answers meetingId.' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  recordMeeting(@CommandContext() meta: CommandMeta, @Param('forumId') forumId: string, @Body() body: RecordMeetingDto) {
    return this.commands.execute(new RecordForumMeetingCommand(meta, forumId, body));
  }
}
