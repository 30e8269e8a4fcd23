import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, map, mergeMap, type Observable } from 'rxjs';
import type { DekompConfig } from '#libs/config';
import type { ProjectionEngine } from '#libs/projections';
import { DEKOMP_CONFIG, isCommandOutcome, outcomeBody, PROJECTION_ENGINE, Versioned, type CommandOutcome } from '#libs/platform';
import { RequestValidationError } from './problem.filter.js';

export const POSITION_HEADER = 'Dekomp-Position';
const LOCATION = 'dekomp:location';

/** The Location of a resource a command creates: a path template with `{id}` (the outcome's id). */
export const Created = (template: string) => SetMetadata(LOCATION, template);

/** A strong ETag of a version (use it in If-Match on the next command). */
export const etagOf = (version: number) => `"${version}"`;

export function parseETag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!m) return Number.NaN;
  return Number(m[1]);
}

/**
 * The one place that turns the application's results into HTTP: a command's outcome becomes its status (201
 * when it created the resource), `ETag`, `Location`, `Dekomp-Position` (and `Idempotent-Replayed` on a replay);
 * a versioned query result gets its `ETag`.
 */
@Injectable()
export class OutcomeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        const res = context.switchToHttp().getResponse<Response>();
        if (value instanceof Versioned) {
          res.setHeader('ETag', etagOf(value.version));
          return value.body;
        }
        if (!isCommandOutcome(value)) return value;
        const o: CommandOutcome = value;
        const template = this.reflector.get<string | undefined>(LOCATION, context.getHandler());
        res.status(o.created ? 201 : 200);
        res.setHeader('ETag', etagOf(o.version));
        if (o.position > 0) res.setHeader(POSITION_HEADER, String(o.position));
        if (o.created && template) res.setHeader('Location', template.replace('{id}', o.id));
        if (o.replayed) res.setHeader('Idempotent-Replayed', 'true');
        return outcomeBody(o);
      }),
    );
  }
}

export const MIN_POSITION_QUERY = 'minPosition';
export const MIN_POSITION_HEADER = 'Dekomp-Min-Position';

/**
 * Read-your-writes: a query with `?minPosition=N` (or the Dekomp-Min-Position header) waits, bounded by
 * READ_WAIT_TIMEOUT_MS, until the read models have passed global position N (from a command's
 * Dekomp-Position header); past the bound it answers 503 with Retry-After.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(DEKOMP_CONFIG) private readonly config: DekompConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const raw = (req.query?.[MIN_POSITION_QUERY] as string | undefined) ?? req.header(MIN_POSITION_HEADER);
    if (req.method !== 'GET' || raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
      throw new RequestValidationError([
        { field: MIN_POSITION_QUERY, rule: 'isPosition', message: 'minPosition must be a global position (a whole number)' },
      ]);
    }
    const position = Number(raw);
    return from(this.engine.waitFor(position, this.config.READ_WAIT_TIMEOUT_MS)).pipe(
      mergeMap((reached) => {
        if (!reached) {
          context.switchToHttp().getResponse<Response>().setHeader('Retry-After', '1');
          throw new ServiceUnavailableException(
            `The read models have not reached position ${position} within ${this.config.READ_WAIT_TIMEOUT_MS} ms; retry shortly`,
          );
        }
        context.switchToHttp().getResponse<Response>().setHeader(POSITION_HEADER, String(position));
        return next.handle();
      }),
    );
  }
}
