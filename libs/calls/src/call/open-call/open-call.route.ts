import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { OpenCallDto } from './open-call.dto.js';
import { OpenCallCommand } from './open-call.handler.js';

@ApiTags('calls')
@ApiBearerAuth('bearer')
@Controller('calls')
export class OpenCallRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('governor')
  @Created('/calls/{id}')
  @ApiOperation({ summary: 'Open the call for needs assessments for your office, a scheme and a year (R14)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  open(@CommandContext() meta: CommandMeta, @Body() body: OpenCallDto) {
    return this.commands.execute(new OpenCallCommand(meta, body));
  }
}
