import { Body, Controller, Get, Header, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOf, CommandContext, CommandResultDto, Created } from '#libs/http';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import { CommandRunner, Versioned, type CommandMeta } from '#libs/platform';
import { PaymentRun } from '../payment-run.aggregate.js';
import { paymentFile } from '../payment-file.js';
import { PaymentFileQueryDto, RunPaymentsDto } from './run-payments.dto.js';
import { RunPaymentsCommand } from './run-payments.handler.js';

@ApiTags('decision day')
@ApiBearerAuth('bearer')
@Controller('payment-runs')
export class RunPaymentsRoute {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: CommandRunner,
  ) {}

  @Post()
  @Roles('governor')
  @Created('/payment-runs/{id}')
  @ApiOperation({
    summary:
      'Pay every grant of the office with money left for the year (or those named); those blocked by an overdue report (R15) or not accepted are skipped and listed; the run is recorded',
  })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  run(@CommandContext() meta: CommandMeta, @Body() body: RunPaymentsDto) {
    return this.commands.execute(new RunPaymentsCommand(meta, body));
  }

  private async load(actor: Actor, id: string, asOf?: number) {
    const { state, version } = await this.runner.load(PaymentRun, id, asOf);
    if (!state.run || !AccessPolicy.canSee(actor, { office: state.run.office })) throw new NotFoundError('payment run', id);
    return { run: state.run, version };
  }

  @Get(':runId')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: 'A payment run: paid and skipped grants (R15)' })
  @ApiOkResponse({ description: 'The run' })
  @ApiRead()
  async get(@CurrentActor() actor: Actor, @Param('runId') id: string, @AsOf() asOf?: number) {
    const { run, version } = await this.load(actor, id, asOf);
    return new Versioned(run, version);
  }

  @Get(':runId/file')
  @Roles('governor', 'ministry')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'The run for the accounting system: org number, name, amount, grant id, reference; one row per payment; ; separated (dialect=excel-no for Excel)',
  })
  @ApiRead()
  async file(@CurrentActor() actor: Actor, @Param('runId') id: string, @Query() q: PaymentFileQueryDto, @AsOf() asOf?: number) {
    const { run } = await this.load(actor, id, asOf);
    return paymentFile(run, { dialect: q.dialect, bom: q.bom === 'true' });
  }
}
