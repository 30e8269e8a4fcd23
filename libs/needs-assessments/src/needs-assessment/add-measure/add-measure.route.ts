import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AddMeasureDto, MeasureCommandResultDto } from './add-measure.dto.js';
import { AddMeasureCommand } from './add-measure.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class AddMeasureRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/measures')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: add a measure with its university partner (R3, R9); answers its measureId' })
  @ApiOkResponse({ type: MeasureCommandResultDto })
  @ApiCommand()
  addMeasure(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: AddMeasureDto) {
    const { universityOrg, ...measure } = body;
    return this.commands.execute(new AddMeasureCommand(meta, id, { measure, universityOrg }));
  }
}
