import { createHash } from 'node:crypto';
import {
  applyDecorators,
  BadRequestException,
  createParamDecorator,
  Inject,
  Injectable,
  type ExecutionContext,
  type PipeTransform,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiPreconditionFailedResponse,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '#libs/kernel';
import { ReadModels, type CommandMeta } from '#libs/platform';
import { ProblemDto } from './problem.js';
import { RequestValidationError } from './problem.filter.js';
import { MIN_POSITION_QUERY, parseETag } from './interceptors.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Builds a command's metadata from the request: actor, request id, Idempotency-Key, If-Match. */
export function commandMetaOf(req: Request & { actor?: Actor; id?: unknown }): CommandMeta {
  if (!req.actor) throw new BadRequestException('no authenticated actor');
  const key = req.header(IDEMPOTENCY_HEADER);
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new RequestValidationError([
      { field: IDEMPOTENCY_HEADER, rule: 'idempotency', message: 'Idempotency-Key must be 1–200 visible ASCII characters' },
    ]);
  }
  const ifMatch = parseETag(req.header('If-Match'));
  if (ifMatch !== undefined && Number.isNaN(ifMatch)) {
    throw new RequestValidationError([
      { field: 'If-Match', rule: 'etag', message: 'If-Match must be an ETag this service gave, like "3"' },
    ]);
  }
  // The request's hash only tells a retry from a reuse of its key: without a key, nothing to hash.
  const requestHash = () =>
    createHash('sha256')
      .update(`${req.method} ${req.originalUrl.split('?')[0]} ${canonical(req.body ?? null)}`)
      .digest('hex');
  return {
    actor: req.actor,
    correlationId: typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : '',
    ...(key ? { idempotency: { key: `${req.actor.org}:${key}`, requestHash: requestHash() } } : {}),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
  };
}

export const CommandContext = createParamDecorator((_: unknown, ctx: ExecutionContext) => commandMetaOf(ctx.switchToHttp().getRequest()));

/** `?asOf=` as a global position: a whole number, or an ISO time translated to the last position then. */
const rawAsOf = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const value = ctx.switchToHttp().getRequest<Request>().query?.asOf;
  return typeof value === 'string' ? value : value === undefined ? undefined : JSON.stringify(value);
});

/**
 * The `?asOf=` of a query, resolved to a global position (an ISO time or a position). Read raw, so the global
 * validation pipe cannot turn an ISO time into NaN first.
 */
export const AsOf = () => rawAsOf(undefined, AsOfPipe);

@Injectable()
export class AsOfPipe implements PipeTransform<string | undefined, Promise<number | undefined>> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async transform(value: string | undefined): Promise<number | undefined> {
    if (value === undefined || value === '') return undefined;
    const position = await this.readModels.resolveAsOf(value);
    if (position === undefined) {
      throw new RequestValidationError([{ field: 'asOf', rule: 'isAsOf', message: 'asOf must be an ISO 8601 time or a global position' }]);
    }
    return position;
  }
}

/** OpenAPI for a command endpoint: its headers and its problem responses. */
export function ApiCommand(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description: 'Retry-safe key: the same key and body answer the first response and append nothing more; another body is a 422.',
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last read; a stale one is a 412.' }),
    ApiBadRequestResponse({ type: ProblemDto, description: 'Malformed request (field and constraint named)' }),
    ApiUnauthorizedResponse({ type: ProblemDto }),
    ApiForbiddenResponse({ type: ProblemDto }),
    ApiNotFoundResponse({ type: ProblemDto }),
    ApiConflictResponse({ type: ProblemDto, description: 'Concurrent change: nothing was written' }),
    ApiPreconditionFailedResponse({ type: ProblemDto }),
    ApiUnprocessableEntityResponse({
      type: ProblemDto,
      description: 'A rule of the scheme was broken (every broken rule with its R-number)',
    }),
  );
}

/** OpenAPI for a read-model query: read-your-writes and as-of parameters and its problem responses. */
export function ApiRead(options: { asOf?: boolean } = {}): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: MIN_POSITION_QUERY,
      required: false,
      type: Number,
      description: "Wait (bounded) until the read models have passed this global position (a command's Dekomp-Position header).",
    }),
    ...(options.asOf === false
      ? []
      : [
          ApiQuery({
            name: 'asOf',
            required: false,
            type: String,
            description: 'Answer as it stood then: an ISO 8601 time or a global position (R21).',
          }),
        ]),
    ApiUnauthorizedResponse({ type: ProblemDto }),
    ApiForbiddenResponse({ type: ProblemDto }),
    ApiServiceUnavailableResponse({ type: ProblemDto, description: 'minPosition not reached in time' }),
  );
}
