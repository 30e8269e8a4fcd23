import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { SubscribeWebhookDto } from '../webhook.dto.js';
import { SubscribeWebhookCommand } from './subscribe.handler.js';

export class SubscribedWebhookDto extends CommandResultDto {
  @ApiProperty({
    description: 'The signing secret: shown once, here. Verify Dekomp-Signature with it (docs/webhooks.md)',
    example: 'whsec_…',
  })
  secret: string;
}

@ApiTags('webhooks')
@ApiBearerAuth('bearer')
@Controller('webhooks')
export class SubscribeWebhookRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Created('/webhooks/{id}')
  @ApiOperation({ summary: 'Subscribe a URL to event kinds (any role; R20 decides which events reach it). Answers the secret once.' })
  @ApiCreatedResponse({ type: SubscribedWebhookDto })
  @ApiCommand()
  subscribe(@CommandContext() meta: CommandMeta, @Body() body: SubscribeWebhookDto) {
    return this.commands.execute(new SubscribeWebhookCommand(meta, body));
  }
}
