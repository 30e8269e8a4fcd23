import { Inject, Injectable } from '@nestjs/common';
import type { SqlClient } from '#libs/db';
import { NotFoundError } from '#libs/kernel';
import { CommandRunner, SQL_CLIENT } from '#libs/platform';
import { FrameLedger, ledgerIdOf, type GrantCharge } from '../frame-ledger/frame-ledger.aggregate.js';
import { grantIdParts } from '../common/grant-id.js';
import { Grant, type GrantFacts, type GrantState, type OverdueReport } from './grant.aggregate.js';

/**
 * A grant's version (its ETag, checked against If-Match by every command on it): the ledger's events about the
 * grant (decision, amendments, revocation) plus its own stream's version. The read model counts it alike.
 */
export const grantVersionOf = (charge: Pick<GrantCharge, 'changes'> | undefined, grantStreamVersion: number) =>
  (charge?.changes ?? 0) + grantStreamVersion;

export const factsOf = (c: GrantCharge): GrantFacts => ({
  grantId: c.grantId,
  office: c.office,
  scheme: c.scheme,
  recipientOrg: c.recipientOrg,
  recipientKind: c.recipientKind,
  status: c.status,
  lines: c.lines,
});

/** The facts the grant handlers pass into the pure deciders: the decision (from the ledger) and the grant's stream. */
@Injectable()
export class GrantFactsLoader {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  /** The decision behind a grant (404 when there is none). */
  async charge(grantId: string): Promise<GrantCharge> {
    const { office, scheme } = grantIdParts(grantId);
    const { state } = await this.runner.load(FrameLedger, ledgerIdOf(office, scheme));
    const charge = state.grants[grantId];
    if (!charge) throw new NotFoundError('grant', grantId);
    return charge;
  }

  /** The grant's own stream: state (paid, reports, claims) and version. */
  grant(grantId: string) {
    return this.runner.load(Grant, grantId);
  }

  /**
   * R15: the recipient's reports past their deadline and not submitted, over all its accepted grants. Candidates
   * (grant years past their deadline) come from this capability's read model plus the grant at hand; each is
   * confirmed on its grant's own stream (accepted, no report yet), so an acceptance or a report of a moment ago counts.
   */
  async overdueReports(recipientOrg: string, today: string, current: GrantFacts): Promise<OverdueReport[]> {
    const candidates = await this.overdueCandidates(recipientOrg, today);
    for (const l of current.lines) {
      if (l.reportDeadline < today && !candidates.some((c) => c.grantId === current.grantId && c.year === l.year)) {
        candidates.push({ grantId: current.grantId, year: l.year, deadline: l.reportDeadline });
      }
    }
    const overdue: OverdueReport[] = [];
    const states = new Map<string, GrantState>();
    for (const c of candidates) {
      if (!states.has(c.grantId)) states.set(c.grantId, (await this.grant(c.grantId)).state);
      const state = states.get(c.grantId)!;
      if (state.accepted && !state.reports[c.year]) overdue.push(c);
    }
    return overdue.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.grantId.localeCompare(b.grantId));
  }

  private async overdueCandidates(recipientOrg: string, today: string): Promise<OverdueReport[]> {
    const r = await this.sql.query<OverdueReport>(
      `SELECT grant_id AS "grantId", year, to_char(report_deadline, 'YYYY-MM-DD') AS deadline FROM gr_grant_years
        WHERE recipient_org = $1 AND active AND decided > 0 AND report_deadline < $2::date`,
      [recipientOrg, today],
    );
    return r.rows;
  }
}
