import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '#libs/auth';
import type { ProjectionEngine } from '#libs/projections';
import { PROJECTION_ENGINE } from '#libs/platform';
import { Metrics } from './metrics.js';

/** Prometheus scrape endpoint (text exposition format). Public like /health: it holds no business data. */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
  ) {}

  @Get('metrics')
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    for (const s of await this.engine.status()) {
      this.metrics.projectionLag.set({ read_model: s.name }, s.lag);
      this.metrics.projectionStuck.set({ read_model: s.name }, s.stuck ? 1 : 0);
    }
    return this.metrics.registry.metrics();
  }
}
