import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AssessmentContentDto } from './update-content.dto.js';
import { UpdateContentCommand } from './update-content.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class UpdateContentRoute {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/content')
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: title, summary, local anchoring (R4) and themes' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  content(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: AssessmentContentDto) {
    return this.commands.execute(new UpdateContentCommand(meta, id, body));
  }
}
