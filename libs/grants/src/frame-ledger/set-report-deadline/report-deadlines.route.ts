import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { schemeOf } from '../../common/scheme-param.js';
import { ExtendReportDeadlineCommand } from '../extend-report-deadline/extend-report-deadline.handler.js';
import { ExtendReportDeadlineDto, SetReportDeadlineDto } from './set-report-deadline.dto.js';
import { SetReportDeadlineCommand } from './set-report-deadline.handler.js';

@ApiTags('decision day')
@ApiBearerAuth('bearer')
@Controller()
export class ReportDeadlinesRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post('frames/:office/:scheme/report-deadlines')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({
    summary:
      "R26: the office's own report deadline for a scheme and year (default 15 January after it); moves every line still at the earlier deadline",
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  set(
    @CommandContext() meta: CommandMeta,
    @Param('office') office: string,
    @Param('scheme') scheme: string,
    @Body() body: SetReportDeadlineDto,
  ) {
    return this.commands.execute(new SetReportDeadlineCommand(meta, office, schemeOf(scheme), body));
  }

  @Post('grants/:grantId/report-deadline-extensions')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: "R26: extend one recipient's report deadline for a grant year, with a reason (R21); R15 counts it at once" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  extend(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: ExtendReportDeadlineDto) {
    return this.commands.execute(new ExtendReportDeadlineCommand(meta, grantId, body));
  }
}
