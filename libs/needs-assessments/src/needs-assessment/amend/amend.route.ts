import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AssessmentReasonDto } from '../common.dto.js';
import { AmendCommand } from './amend.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class AmendRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/amendments')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: submit the working copy as a new version, before the deadline (R14, R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  amend(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: AssessmentReasonDto) {
    return this.commands.execute(new AmendCommand(meta, id, body.reason));
  }
}
