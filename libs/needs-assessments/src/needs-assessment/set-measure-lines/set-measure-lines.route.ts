import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { MeasureLinesDto } from './set-measure-lines.dto.js';
import { SetMeasureLinesCommand } from './set-measure-lines.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class SetMeasureLinesRoute {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/measures/:measureId/lines/:org')
  @Roles('school_owner')
  @ApiOperation({ summary: "Set an organisation's budget and co-financing lines: your own, or (lead) the university's (R5, R6, R7, R10)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  lines(
    @CommandContext() meta: CommandMeta,
    @Param('id') id: string,
    @Param('measureId') measureId: string,
    @Param('org') org: string,
    @Body() body: MeasureLinesDto,
  ) {
    return this.commands.execute(new SetMeasureLinesCommand(meta, id, measureId, org, body));
  }
}
