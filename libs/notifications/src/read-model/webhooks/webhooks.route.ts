import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#libs/auth';
import { ApiPage, ApiRead, pageOf, PageQueryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { KIND_INFO } from '../../kinds.js';
import { WebhookQueries } from './webhooks.queries.js';
import { DeliveryListQueryDto, DeliveryView, DeliveryWithAttemptsView, WebhookView } from './webhooks.view.js';

@ApiTags('webhooks')
@ApiBearerAuth('bearer')
@Controller('webhooks')
export class WebhooksRoute {
  constructor(private readonly queries: WebhookQueries) {}

  @Get('kinds')
  @ApiOperation({ summary: 'The event kinds a subscription can name, the roles that may see each, and whether it is emitted yet' })
  @ApiRead({ asOf: false })
  kinds() {
    return Object.values(KIND_INFO).map(({ kind, roles, emitted, description }) => ({ kind, roles, emitted, description }));
  }

  @Get()
  @ApiOperation({ summary: 'Your subscriptions (a subscriber sees only its own; never the secret)' })
  @ApiPage(WebhookView)
  @ApiRead({ asOf: false })
  list(@CurrentActor() actor: Actor, @Query() page: PageQueryDto) {
    return this.queries.list(actor, pageOf(page));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your subscriptions, with its version as ETag' })
  @ApiOkResponse({ type: WebhookView })
  @ApiRead({ asOf: false })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.queries.get(actor, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "Your subscription's latest deliveries (newest first), by status" })
  @ApiPage(DeliveryView)
  @ApiRead({ asOf: false })
  deliveries(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: DeliveryListQueryDto) {
    return this.queries.deliveries(actor, id, query.status, pageOf(query));
  }

  @Get(':id/deliveries/:deliveryId')
  @ApiOperation({ summary: 'One delivery with every attempt (time, status code, error)' })
  @ApiOkResponse({ type: DeliveryWithAttemptsView })
  @ApiRead({ asOf: false })
  delivery(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('deliveryId') deliveryId: string) {
    return this.queries.delivery(actor, id, deliveryId);
  }

  @Get(':id/dead-letters')
  @ApiOperation({ summary: 'Deliveries that failed every attempt: replay them when your receiver is fixed' })
  @ApiPage(DeliveryView)
  @ApiRead({ asOf: false })
  deadLetters(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() page: PageQueryDto) {
    return this.queries.deliveries(actor, id, 'dead', pageOf(page));
  }
}
