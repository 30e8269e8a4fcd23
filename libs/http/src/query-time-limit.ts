import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import type { DekompConfig } from '#libs/config';
import { withQueryLimit } from '#libs/db';
import { DEKOMP_CONFIG } from '#libs/platform';

/**
 * A read may not hold the service: every statement a GET runs is bounded by QUERY_TIMEOUT_MS in all (the time
 * left becomes each statement's statement_timeout; past it 503 with Retry-After), and a client that goes away
 * cancels what its request still runs in the database.
 */
@Injectable()
export class QueryTimeLimitInterceptor implements NestInterceptor {
  constructor(@Inject(DEKOMP_CONFIG) private readonly config: DekompConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method !== 'GET') return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const timeoutMs = this.config.QUERY_TIMEOUT_MS;
    return new Observable((subscriber) => {
      const gone = new AbortController();
      // 'close' before the response was sent: the client went away (req's own 'close' fires once the body is read).
      const onClose = () => !res.writableEnded && gone.abort();
      res.once('close', onClose);
      const limit = { deadline: Date.now() + timeoutMs, timeoutMs, signal: gone.signal };
      const subscription = withQueryLimit(limit, () => next.handle().subscribe(subscriber));
      return () => {
        res.off('close', onClose);
        subscription.unsubscribe();
      };
    });
  }
}
