import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RecordCountyForumMeetingDto } from './record-forum-meeting.dto.js';
import { RecordCountyForumMeetingCommand } from './record-forum-meeting.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class RecordCountyForumMeetingRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/forum/meetings')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: "A meeting of the county's YRKESFAG forum, with the members present (R24). Answers meetingId." })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  meeting(@CommandContext() meta: CommandMeta, @Param('org') org: string, @Body() body: RecordCountyForumMeetingDto) {
    return this.commands.execute(new RecordCountyForumMeetingCommand(meta, org, body));
  }
}
