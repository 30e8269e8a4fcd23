import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { finalize, type Observable } from 'rxjs';
import { Metrics } from './metrics.js';

/** Counts every request by its route template (never the raw path: ids would explode the label set). */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const started = process.hrtime.bigint();
    const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const done = () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.requestSeconds.observe({ method: req.method, route }, seconds);
    };
    res.once('finish', () => this.metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) }));
    return next.handle().pipe(finalize(done));
  }
}
