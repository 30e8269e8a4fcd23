import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DELIVERY_SETTINGS, deliverySettingsFrom } from './delivery/delivery-settings.js';
import { DeliveryWorker } from './delivery/delivery-worker.js';
import { ReplayDeadLetter, ReplayDeadLetterRoute } from './delivery/replay/replay.route.js';
import { WebhookSecrets } from './delivery/signing-key.js';
import { WebhookQueries } from './read-model/webhooks/webhooks.queries.js';
import { WebhooksRoute } from './read-model/webhooks/webhooks.route.js';
import { ChangeWebhookHandler } from './subscriptions/change/change.handler.js';
import { ChangeWebhookRoute } from './subscriptions/change/change.route.js';
import { DeleteWebhookHandler } from './subscriptions/delete/delete.handler.js';
import { DeleteWebhookRoute } from './subscriptions/delete/delete.route.js';
import { PauseWebhookHandler } from './subscriptions/pause/pause.handler.js';
import { PauseWebhookRoute } from './subscriptions/pause/pause.route.js';
import { SubscriberLookup } from './subscriptions/subscriber.js';
import { SubscribeWebhookHandler } from './subscriptions/subscribe/subscribe.handler.js';
import { SubscribeWebhookRoute } from './subscriptions/subscribe/subscribe.route.js';

/** Webhook notifications: subscriptions (an aggregate), the outbox projection and the delivery worker. */
@Module({
  imports: [CqrsModule],
  controllers: [WebhooksRoute, SubscribeWebhookRoute, ChangeWebhookRoute, PauseWebhookRoute, DeleteWebhookRoute, ReplayDeadLetterRoute],
  providers: [
    { provide: DELIVERY_SETTINGS, useFactory: () => deliverySettingsFrom(process.env) },
    WebhookSecrets,
    SubscriberLookup,
    WebhookQueries,
    DeliveryWorker,
    ReplayDeadLetter,
    SubscribeWebhookHandler,
    ChangeWebhookHandler,
    PauseWebhookHandler,
    DeleteWebhookHandler,
  ],
})
export class NotificationsModule {}
