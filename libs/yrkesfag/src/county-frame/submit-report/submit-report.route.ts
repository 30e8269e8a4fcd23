import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { YearParam } from '../year-param.js';
import { YrkesfagSubmitReportDto } from './submit-report.dto.js';
import { SubmitReportCommand } from './submit-report.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class SubmitReportRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/reports/:year')
  @Roles('school_owner')
  @Created('/yrkesfag/counties/{id}')
  @ApiOperation({
    summary:
      "The county's report to Udir for a year: paid, spent, unspent and its evaluation; a late one is accepted and marked late (R15, R24, R26)",
  })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  submit(@CommandContext() meta: CommandMeta, @Param('org') org: string, @YearParam() year: number, @Body() body: YrkesfagSubmitReportDto) {
    return this.commands.execute(new SubmitReportCommand(meta, org, year, body));
  }
}
