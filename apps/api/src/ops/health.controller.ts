import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '#libs/auth';
import type { DekompConfig } from '#libs/config';
import type { SqlClient } from '#libs/db';
import type { ProjectionEngine } from '#libs/projections';
import { DEKOMP_CONFIG, PROJECTION_ENGINE, SQL_CLIENT } from '#libs/platform';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(DEKOMP_CONFIG) private readonly config: DekompConfig,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live() {
    return this.health.check([async () => this.indicator.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]);
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: the database answers and the read models have caught up' })
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const probe = this.indicator.check('database');
        try {
          await this.sql.query('SELECT 1');
          return probe.up({ backend: this.sql.backend });
        } catch (error) {
          return probe.down({ error: String(error) });
        }
      },
      async () => {
        const probe = this.indicator.check('projections');
        const status = await this.engine.status();
        const behind = status.filter((s) => s.lag > this.config.READY_MAX_LAG || s.version === 0);
        const detail = {
          head: status[0]?.head ?? 0,
          behind: behind.map((s) => ({ name: s.name, position: s.position, lag: s.lag, ...(s.stuck ? { stuck: s.stuck } : {}) })),
        };
        return behind.length === 0 ? probe.up(detail) : probe.down(detail);
      },
    ]);
  }
}
