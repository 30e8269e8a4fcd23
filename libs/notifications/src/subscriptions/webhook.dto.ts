import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { OFFICE_CODES } from '#libs/reference-data';
import { WEBHOOK_KINDS } from '../kinds.js';
import { urlProblem } from './subscription.rules.js';

/** An absolute http(s) URL without credentials or fragment (the message names what is wrong). */
function IsWebhookUrl(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isWebhookUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && urlProblem(value) === null,
        defaultMessage: (args) =>
          (typeof args?.value === 'string' ? urlProblem(args.value) : null) ?? 'url must be an absolute http(s) URL',
      },
    });
}

export class WebhookScopeDto {
  @ApiPropertyOptional({
    enum: OFFICE_CODES,
    nullable: true,
    description: 'Only events of this governor office (R20: the ministry any; a governor or an organisation only its own)',
  })
  @ValidateIf((o: WebhookScopeDto) => o.office !== null && o.office !== undefined)
  @IsIn(OFFICE_CODES)
  office?: string | null;
}

const KINDS_DOC = {
  enum: WEBHOOK_KINDS,
  isArray: true,
  example: ['call.opened', 'grant.decided'],
  description: 'Event kinds; which events of a kind reach you is decided by R20 (see docs/webhooks.md)',
};

export class SubscribeWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.org/dekomp', description: 'http(s), no user:password@, no #fragment' })
  @IsString()
  @IsWebhookUrl()
  url: string;
  @ApiProperty(KINDS_DOC)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_KINDS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_KINDS, { each: true })
  kinds: string[];
  @ApiPropertyOptional({ type: WebhookScopeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookScopeDto)
  scope?: WebhookScopeDto;
}

export class ChangeWebhookDto {
  @ApiPropertyOptional({ example: 'https://hooks.example.org/dekomp-v2' })
  @IsOptional()
  @IsString()
  @IsWebhookUrl()
  url?: string;
  @ApiPropertyOptional(KINDS_DOC)
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_KINDS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_KINDS, { each: true })
  kinds?: string[];
  @ApiPropertyOptional({ type: WebhookScopeDto, description: '`{ "office": null }` removes the scope' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookScopeDto)
  scope?: WebhookScopeDto;
}
