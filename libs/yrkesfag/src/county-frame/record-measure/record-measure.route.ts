import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RecordMeasureDto } from './record-measure.dto.js';
import { RecordMeasureCommand } from './record-measure.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class RecordMeasureRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/measures')
  @Roles('school_owner')
  @Created('/yrkesfag/counties/{id}')
  @ApiOperation({
    summary:
      'A measure with its provider, target groups, programme areas and money: never credit-bearing (R5), within the frame (R18, R24). Answers measureId.',
  })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  measure(@CommandContext() meta: CommandMeta, @Param('org') org: string, @Body() body: RecordMeasureDto) {
    return this.commands.execute(new RecordMeasureCommand(meta, org, body));
  }
}
