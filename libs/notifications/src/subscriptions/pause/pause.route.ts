import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { PauseWebhookCommand } from './pause.handler.js';

@ApiTags('webhooks')
@ApiBearerAuth('bearer')
@Controller('webhooks')
export class PauseWebhookRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause your subscription: events meanwhile are not queued for it; pending deliveries wait' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  pause(@CommandContext() meta: CommandMeta, @Param('id') id: string) {
    return this.commands.execute(new PauseWebhookCommand(meta, id, true));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume your subscription' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  resume(@CommandContext() meta: CommandMeta, @Param('id') id: string) {
    return this.commands.execute(new PauseWebhookCommand(meta, id, false));
  }
}
