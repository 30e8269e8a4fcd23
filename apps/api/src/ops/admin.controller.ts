import { Controller, Get, HttpCode, Inject, Logger, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ConflictError, NotFoundError } from '#libs/kernel';
import type { ProjectionEngine } from '#libs/projections';
import { PROJECTION_ENGINE } from '#libs/platform';

interface RebuildRun {
  done: number;
  total: number;
  state: 'running' | 'finished' | 'failed';
  error?: string;
  startedAt: string;
}

/** Operating the read models: status and blue/green rebuilds (the CLI uses these while the service runs). */
@ApiTags('operations')
@ApiBearerAuth('bearer')
@Controller('admin/projections')
export class AdminController {
  private readonly log = new Logger('Admin');
  private readonly runs = new Map<string, RebuildRun>();

  constructor(@Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine) {}

  @Get()
  @Roles('ministry')
  @ApiOperation({ summary: 'Read models: version, position, lag, and any rebuild under way' })
  async status() {
    return (await this.engine.status()).map((s) => ({ ...s, rebuild: this.runs.get(s.name) ?? null }));
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('ministry')
  @ApiOperation({ summary: 'Rebuild a read model from position 0 (blue/green: the old copy answers until the new one has caught up)' })
  @ApiAcceptedResponse({ description: 'Started; follow it on GET /admin/projections' })
  rebuild(@Param('name') name: string) {
    if (!this.engine.projections.some((p) => p.name === name)) throw new NotFoundError('read model', name);
    if (this.runs.get(name)?.state === 'running') throw new ConflictError(`read model ${name} is being rebuilt already`);
    const run: RebuildRun = { done: 0, total: 0, state: 'running', startedAt: new Date().toISOString() };
    this.runs.set(name, run);
    this.engine
      .rebuild(name, (done, total) => {
        run.done = done;
        run.total = total;
      })
      .then(
        () => (run.state = 'finished'),
        (e: unknown) => {
          run.state = 'failed';
          run.error = String(e);
          this.log.error(`rebuild of ${name} failed: ${String(e)}`);
        },
      );
    return { name, state: run.state };
  }
}
