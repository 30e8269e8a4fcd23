import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { ExtendCallDeadlineDto } from './extend-deadline.dto.js';
import { ExtendCallDeadlineCommand } from './extend-deadline.handler.js';

@ApiTags('calls')
@ApiBearerAuth('bearer')
@Controller('calls')
export class ExtendCallDeadlineRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':callId/deadline-extensions')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: "Extend a call's deadline, with a reason" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  extend(@CommandContext() meta: CommandMeta, @Param('callId') callId: string, @Body() body: ExtendCallDeadlineDto) {
    return this.commands.execute(new ExtendCallDeadlineCommand(meta, callId, body));
  }
}
