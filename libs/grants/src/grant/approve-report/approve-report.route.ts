import { Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { ApproveReportCommand } from './approve-report.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class ApproveReportRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':grantId/reports/:year/approval')
  @Roles('governor')
  @ApiOperation({ summary: "Approve a year's report" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  approve(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Param('year', ParseIntPipe) year: number) {
    return this.commands.execute(new ApproveReportCommand(meta, grantId, year));
  }
}
