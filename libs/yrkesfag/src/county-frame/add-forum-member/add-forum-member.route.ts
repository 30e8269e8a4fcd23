import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AddCountyForumMemberDto } from './add-forum-member.dto.js';
import { AddCountyForumMemberCommand } from './add-forum-member.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class AddCountyForumMemberRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/forum/members')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: "A member joins the county's YRKESFAG forum by category and date (R24). Answers memberId." })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  addMember(@CommandContext() meta: CommandMeta, @Param('org') org: string, @Body() body: AddCountyForumMemberDto) {
    return this.commands.execute(new AddCountyForumMemberCommand(meta, org, body));
  }
}
