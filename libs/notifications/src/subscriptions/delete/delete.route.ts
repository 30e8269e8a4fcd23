import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { DeleteWebhookCommand } from './delete.handler.js';

@ApiTags('webhooks')
@ApiBearerAuth('bearer')
@Controller('webhooks')
export class DeleteWebhookRoute {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @ApiOperation({ summary: 'Delete your subscription: nothing more is queued or sent for it' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  remove(@CommandContext() meta: CommandMeta, @Param('id') id: string) {
    return this.commands.execute(new DeleteWebhookCommand(meta, id));
  }
}
