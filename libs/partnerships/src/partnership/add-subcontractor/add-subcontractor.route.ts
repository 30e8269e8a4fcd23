import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AddSubcontractorDto } from './add-subcontractor.dto.js';
import { AddSubcontractorCommand } from './add-subcontractor.handler.js';

@ApiTags('partnerships')
@ApiBearerAuth('bearer')
@Controller('partnerships')
export class AddSubcontractorRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':measureId/subcontractors')
  @HttpCode(200)
  @Roles('university')
  @ApiOperation({ summary: 'Add a third party under your own line, with its share (R2: warned above the configured share)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  subcontract(@CommandContext() meta: CommandMeta, @Param('measureId') measureId: string, @Body() body: AddSubcontractorDto) {
    return this.commands.execute(new AddSubcontractorCommand(meta, measureId, body));
  }
}
