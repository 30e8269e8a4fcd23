export * from './kinds.js';
export * from './audience/audience.js';
export * from './delivery/signature.js';
export { deriveSecret } from './delivery/signing-key.js';
export { deliverySettingsFrom, type DeliverySettings } from './delivery/delivery-settings.js';
export { notificationsMigrations } from './delivery/outbox.migrations.js';
export * from './subscriptions/webhook-subscriptions.aggregate.js';
export { webhooksProjection, deliveryIdOf } from './read-model/webhooks/webhooks.projection.js';
export * from './notifications.module.js';
