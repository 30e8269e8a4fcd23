import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '#libs/http';
import { WEBHOOK_KINDS } from '../../kinds.js';

export class WebhookSubscriberDto {
  @ApiProperty() role: string;
  @ApiProperty() org: string;
  @ApiProperty({ nullable: true, type: String, description: "A governor's office" }) office: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The organisation's own office (R19), for office-wide kinds" }) homeOffice:
    string | null;
}

export class WebhookView {
  @ApiProperty() subscriptionId: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_KINDS, isArray: true }) kinds: string[];
  @ApiProperty({ example: { office: null } }) scope: { office: string | null };
  @ApiProperty({ enum: ['active', 'paused'] }) status: string;
  @ApiProperty({ type: WebhookSubscriberDto }) subscriber: WebhookSubscriberDto;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: "The subscription's own changes; the ETag" }) version: number;
}

export class DeliveryAttemptView {
  @ApiProperty() attempt: number;
  @ApiProperty() attemptedAt: string;
  @ApiProperty({ nullable: true, type: Number }) statusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() durationMs: number;
}

export class DeliveryView {
  @ApiProperty({ description: 'The Dekomp-Delivery header: the same on every retry and replay' }) deliveryId: string;
  @ApiProperty({ enum: WEBHOOK_KINDS }) kind: string;
  @ApiProperty({ example: 'AllocationAmended' }) event: string;
  @ApiProperty() position: number;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ nullable: true, type: String }) deadAt: string | null;
  @ApiProperty() replays: number;
  @ApiProperty({ type: Object }) data: unknown;
}

export class DeliveryWithAttemptsView extends DeliveryView {
  @ApiProperty({ type: [DeliveryAttemptView] }) attemptLog: DeliveryAttemptView[];
}

export class DeliveryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'dead'] }) @IsOptional() @IsIn(['pending', 'delivered', 'dead']) status?: string;
}

export class ReplayResultDto {
  @ApiProperty() deliveryId: string;
  @ApiProperty({ example: 'pending' }) status: string;
}
