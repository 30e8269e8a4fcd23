import { Controller, HttpCode, Inject, Injectable, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#libs/auth';
import type { SqlClient } from '#libs/db';
import { ApiCommand } from '#libs/http';
import { ConflictError, NotFoundError, type Actor } from '#libs/kernel';
import { SQL_CLIENT } from '#libs/platform';
import { WebhookQueries } from '../../read-model/webhooks/webhooks.queries.js';
import { ReplayResultDto } from '../../read-model/webhooks/webhooks.view.js';
import { DeliveryWorker } from '../delivery-worker.js';

/**
 * A dead letter sent again: the same delivery (same id, same body), its failures counted from zero. Delivery
 * state is the outbox's, not a domain fact, so this writes the outbox row and no event.
 */
@Injectable()
export class ReplayDeadLetter {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly queries: WebhookQueries,
    private readonly worker: DeliveryWorker,
  ) {}

  async replay(actor: Actor, subscriptionId: string, deliveryId: string): Promise<ReplayResultDto> {
    await this.queries.get(actor, subscriptionId);
    const r = await this.sql.query(
      `UPDATE public.webhook_deliveries SET status = 'pending', failures = 0, dead_at = NULL, next_attempt_at = $3, replays = replays + 1
       WHERE subscription_id = $1 AND delivery_id = $2 AND status = 'dead'`,
      [subscriptionId, deliveryId, new Date()],
    );
    if (r.rowCount === 0) {
      const row = (
        await this.sql.query<{ status: string }>(
          `SELECT status FROM public.webhook_deliveries WHERE subscription_id = $1 AND delivery_id = $2`,
          [subscriptionId, deliveryId],
        )
      ).rows[0];
      if (!row) throw new NotFoundError('dead letter', deliveryId);
      throw new ConflictError(`delivery ${deliveryId} is ${row.status}, not a dead letter`);
    }
    this.worker.poke();
    return { deliveryId, status: 'pending' };
  }
}

@ApiTags('webhooks')
@ApiBearerAuth('bearer')
@Controller('webhooks')
export class ReplayDeadLetterRoute {
  constructor(private readonly replays: ReplayDeadLetter) {}

  @Post(':id/dead-letters/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a dead letter again, with the same delivery id' })
  @ApiAcceptedResponse({ type: ReplayResultDto })
  @ApiCommand()
  replay(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('deliveryId') deliveryId: string) {
    return this.replays.replay(actor, id, deliveryId);
  }
}
