import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { SubmitReportDto } from './submit-report.dto.js';
import { SubmitReportCommand } from './submit-report.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class SubmitReportRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':grantId/reports')
  @Roles('school_owner', 'university')
  @ApiOperation({
    summary:
      "Report a year: spent, unspent, co-financing by form, participants by role, own evaluation; a university's feedback into teacher education (R7, R15, R17)",
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  report(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: SubmitReportDto) {
    return this.commands.execute(new SubmitReportCommand(meta, grantId, body));
  }
}
