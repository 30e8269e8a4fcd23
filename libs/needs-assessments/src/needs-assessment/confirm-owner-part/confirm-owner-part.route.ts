import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { ConfirmOwnerPartCommand } from './confirm-owner-part.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class ConfirmOwnerPartRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/confirmations')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Network owner: confirm your own part of the current revision (R10)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  confirm(@CommandContext() meta: CommandMeta, @Param('id') id: string) {
    return this.commands.execute(new ConfirmOwnerPartCommand(meta, id));
  }
}
