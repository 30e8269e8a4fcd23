import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RecordCountyMemberLeftDto } from './record-member-left.dto.js';
import { RecordCountyMemberLeftCommand } from './record-member-left.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class RecordCountyMemberLeftRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/forum/members/:memberId/departure')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: "A member leaves the county's forum on a date, with a reason (R24, R21)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  memberLeft(
    @CommandContext() meta: CommandMeta,
    @Param('org') org: string,
    @Param('memberId') memberId: string,
    @Body() body: RecordCountyMemberLeftDto,
  ) {
    return this.commands.execute(new RecordCountyMemberLeftCommand(meta, org, memberId, body));
  }
}
