import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AssessmentReasonDto } from '../common.dto.js';
import { WithdrawCommand } from './withdraw.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class WithdrawRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: withdraw a submitted assessment, with a reason (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  withdraw(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: AssessmentReasonDto) {
    return this.commands.execute(new WithdrawCommand(meta, id, body.reason));
  }
}
