import { Inject, Injectable, ServiceUnavailableException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, map, mergeMap, type Observable } from 'rxjs';
import type { DekompConfig } from '#libs/config';
import type { ProjectionEngine } from '#libs/projections';
import { DEKOMP_CONFIG, HttpResult, POSITION_HEADER, PROJECTION_ENGINE } from '#libs/platform';
import { RequestValidationError } from './problem.filter.js';

/** Renders HttpResult: status, headers (ETag, Dekomp-Position, Location) and body. */
@Injectable()
export class HttpResultInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof HttpResult)) return value;
        const res = context.switchToHttp().getResponse<Response>();
        res.status(value.status);
        for (const [k, v] of Object.entries(value.headers)) res.setHeader(k, v);
        return value.body;
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
    if (!/^\d+$/.test(String(raw))) {
      throw new RequestValidationError([{ field: MIN_POSITION_QUERY, rule: 'isPosition', message: 'minPosition must be a global position (a whole number)' }]);
    }
    const position = Number(raw);
    return from(this.engine.waitFor(position, this.config.READ_WAIT_TIMEOUT_MS)).pipe(
      mergeMap((reached) => {
        if (!reached) {
          context.switchToHttp().getResponse<Response>().setHeader('Retry-After', '1');
          throw new ServiceUnavailableException(`The read models have not reached position ${position} within ${this.config.READ_WAIT_TIMEOUT_MS} ms; retry shortly`);
        }
        context.switchToHttp().getResponse<Response>().setHeader(POSITION_HEADER, String(position));
        return next.handle();
      }),
    );
  }
}
