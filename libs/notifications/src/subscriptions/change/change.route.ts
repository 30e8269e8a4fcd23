import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { ChangeWebhookDto } from '../webhook.dto.js';
import { ChangeWebhookCommand } from './change.handler.js';

@ApiTags('webhooks')
@ApiBearerAuth('bearer')
@Controller('webhooks')
export class ChangeWebhookRoute {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @ApiOperation({ summary: "Change your subscription's URL, kinds or scope (checked as on subscribing)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  change(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: ChangeWebhookDto) {
    return this.commands.execute(new ChangeWebhookCommand(meta, id, body));
  }
}
