import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { YearParam } from '../year-param.js';
import { YrkesfagExtendReportDeadlineDto } from './extend-report-deadline.dto.js';
import { ExtendReportDeadlineCommand } from './extend-report-deadline.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/frames')
export class ExtendReportDeadlineRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/:year/report-deadline-extensions')
  @HttpCode(200)
  @Roles('ministry')
  @ApiOperation({ summary: "Udir extends a county's report deadline for a year, with a reason (R26)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  extend(
    @CommandContext() meta: CommandMeta,
    @Param('org') org: string,
    @YearParam() year: number,
    @Body() body: YrkesfagExtendReportDeadlineDto,
  ) {
    return this.commands.execute(new ExtendReportDeadlineCommand(meta, org, year, body));
  }
}
