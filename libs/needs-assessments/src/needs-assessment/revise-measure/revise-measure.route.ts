import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { MeasureFieldsDto } from './revise-measure.dto.js';
import { ReviseMeasureCommand } from './revise-measure.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class ReviseMeasureRoute {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/measures/:measureId')
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: revise a measure (R9)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  reviseMeasure(
    @CommandContext() meta: CommandMeta,
    @Param('id') id: string,
    @Param('measureId') measureId: string,
    @Body() body: MeasureFieldsDto,
  ) {
    return this.commands.execute(new ReviseMeasureCommand(meta, id, measureId, body));
  }
}
