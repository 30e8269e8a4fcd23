import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AccessPolicy,
  CLOCK,
  ConflictError,
  DomainError,
  ORGANISATION_DIRECTORY,
  type Clock,
  type OrganisationDirectory,
} from '#libs/kernel';
import { CommandRunner, ReadModels, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { GrantCommandRunner } from '../../grant/grant-command-runner.js';
import { PaymentRun, type PaidLine, type SkippedLine } from '../payment-run.aggregate.js';
import type { RunPaymentsDto } from './run-payments.dto.js';

export class RunPaymentsCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: RunPaymentsDto,
  ) {}
}

interface Due {
  grantId: string;
  recipientOrg: string;
}

@CommandHandler(RunPaymentsCommand)
export class RunPaymentsHandler implements ICommandHandler<RunPaymentsCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly grants: GrantCommandRunner,
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  /**
   * R20; every grant with money left for the year is paid the rest on its own stream, where R15 (overdue reports),
   * acceptance and the year's amount are checked; a refused one is skipped with its rule. Then the run is recorded.
   */
  async execute({ meta, input }: RunPaymentsCommand) {
    const office = AccessPolicy.governorOffice(meta.actor, 'runs payments');
    const today = this.clock.today();
    const runId = randomUUID();
    const paidOn = input.paidOn ?? today;
    const due = await this.due(office, input);
    const names = await this.directory.getMany([...new Set(due.map((d) => d.recipientOrg))]);
    // Each payment is its own command: no Idempotency-Key or If-Match of the run's request applies to it.
    const one: CommandMeta = { actor: meta.actor, correlationId: meta.correlationId };
    const paid: PaidLine[] = [];
    const skipped: SkippedLine[] = [];
    for (const [n, d] of due.entries()) {
      const paymentId = `${runId}-${n + 1}`;
      try {
        const { state } = await this.grants.facts.grant(d.grantId);
        let amount = 0;
        await this.grants.run(one, d.grantId, { by: 'governor', action: 'runs payments' }, async (grant) => {
          amount = (grant.lines.find((l) => l.year === input.year)?.amount ?? 0) - (state.paid[input.year] ?? 0);
          return {
            type: 'RecordPayment',
            grant,
            paymentId,
            year: input.year,
            amount,
            paidOn,
            overdueReports: await this.grants.facts.overdueReports(grant.recipientOrg, today, grant),
          };
        });
        paid.push({
          ...d,
          paymentId,
          recipientName: names.get(d.recipientOrg)?.name ?? '',
          year: input.year,
          amount,
          reference: paymentId,
        });
      } catch (error) {
        if (error instanceof DomainError)
          skipped.push({ ...d, rule: error.violations.map((v) => v.rule).join(','), reason: error.message });
        else if (error instanceof ConflictError) skipped.push({ ...d, rule: 'conflict', reason: error.message });
        else throw error;
      }
    }
    return this.runner.run(
      PaymentRun,
      runId,
      { type: 'RecordPaymentRun', runId, office, scheme: input.scheme, year: input.year, paidOn, paid, skipped },
      meta,
      {
        extra: (state) => ({ run: state.run }),
      },
    );
  }

  /** Candidates from this capability's read model (caught up), confirmed on each grant's own stream when paid. */
  private due(office: string, input: RunPaymentsDto): Promise<Due[]> {
    return this.readModels.caughtUp(
      ['grants'],
      async (sql) =>
        (
          await sql.query<Due>(
            `SELECT grant_id AS "grantId", recipient_org AS "recipientOrg" FROM gr_grant_years
            WHERE office = $1 AND scheme = $2 AND year = $3 AND active AND decided > paid AND ($4::text[] IS NULL OR grant_id = ANY($4::text[]))
            ORDER BY recipient_org, grant_id`,
            [office, input.scheme, input.year, input.grantIds ?? null],
          )
        ).rows,
    );
  }
}
