import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Sql } from '#libs/db';
import { ForbiddenError, NotFoundError, type Actor } from '#libs/kernel';
import { ReadModels, withETag, type HistoryEntry, type HttpResult } from '#libs/platform';
import { ledgerStream } from '../domain/frame-ledger.decider.js';
import { grantStream } from '../domain/grant-id.js';
import type { Scheme } from '#libs/kernel';
import { assertCanSeeGrant, grantIdParts, GrantsClock } from './facts.js';

const RM = ['grants'];

export interface FrameView {
  office: string;
  scheme: string;
  year: number;
  frame: number;
  adjustments: number;
  /** R9: decisions of earlier years charged to this year's frame. */
  committedFromEarlierYears: number;
  decidedThisYear: number;
  free: number;
  /** This year's decisions charged to later years' frames. */
  committedToLaterYears: number;
  paid: number;
  repaymentClaimed: number;
  repaid: number;
  /** The frame ledger's version (If-Match for adjustments). */
  version: number;
}

export interface GrantYearView {
  year: number;
  recommended: number | null;
  decided: number;
  coFinancingRequired: number;
  coFinancingCommitted: number | null;
  coFinancingDocumented: number | null;
  coFinancingShortfall: number | null;
  paid: number;
  reportDeadline: string;
  reportStatus: 'due' | 'submitted' | 'approved';
  reportOverdue: boolean;
  reportSubmittedOn: string | null;
  reportLate: boolean | null;
  report: unknown;
  repaymentClaimed: number;
  repaid: number;
}

export interface GrantView {
  grantId: string;
  office: string;
  scheme: string;
  decisionYear: number;
  callId: string;
  measureId: string;
  recipientOrg: string;
  recipientKind: string;
  status: 'active' | 'revoked';
  basis: string;
  recommendationId: string | null;
  deviates: boolean;
  deviationReason: string | null;
  ruleSetVersion: string;
  decidedOn: string;
  decisionDate: string;
  amendments: number;
  revocationReason: string | null;
  warnings: unknown[];
  acceptedOn: string | null;
  years: GrantYearView[];
  payments: Array<{ paymentId: string; year: number; amount: number; paidOn: string }>;
  claims: Array<{ claimId: string; year: number | null; amount: number; reason: string; claimedOn: string; settled: number; outstanding: number }>;
  /** The grant stream's version (If-Match for acceptance, payments, reports, claims). */
  version: number;
  /** The frame ledger's version when the decision was last changed. */
  decisionVersion: number;
}

const n = (col: string, as: string) => `(${col})::float8 AS "${as}"`;

const FRAME_SELECT = `
  SELECT f.office, f.scheme, f.year, ${n('f.amount', 'frame')}, f.adjustments, COALESCE(l.version, f.ledger_version) AS version,
    ${n("COALESCE((SELECT SUM(y.decided) FROM gr_grant_years y WHERE y.office = f.office AND y.scheme = f.scheme AND y.year = f.year AND y.active AND y.decision_year < f.year), 0)", 'committedFromEarlierYears')},
    ${n("COALESCE((SELECT SUM(y.decided) FROM gr_grant_years y WHERE y.office = f.office AND y.scheme = f.scheme AND y.year = f.year AND y.active AND y.decision_year = f.year), 0)", 'decidedThisYear')},
    ${n("COALESCE((SELECT SUM(y.decided) FROM gr_grant_years y WHERE y.office = f.office AND y.scheme = f.scheme AND y.decision_year = f.year AND y.active AND y.year > f.year), 0)", 'committedToLaterYears')},
    ${n("COALESCE((SELECT SUM(y.paid) FROM gr_grant_years y WHERE y.office = f.office AND y.scheme = f.scheme AND y.year = f.year), 0)", 'paid')},
    ${n("COALESCE((SELECT SUM(y.claimed) FROM gr_grant_years y WHERE y.office = f.office AND y.scheme = f.scheme AND y.year = f.year), 0)", 'repaymentClaimed')},
    ${n("COALESCE((SELECT SUM(y.repaid) FROM gr_grant_years y WHERE y.office = f.office AND y.scheme = f.scheme AND y.year = f.year), 0)", 'repaid')}
  FROM gr_frames f LEFT JOIN gr_ledgers l ON l.office = f.office AND l.scheme = f.scheme`;

async function frames(sql: Sql, filter: { office?: string; scheme?: string; year?: number }): Promise<FrameView[]> {
  const r = await sql.query<Omit<FrameView, 'free'>>(
    `${FRAME_SELECT} WHERE ($1::text IS NULL OR f.office = $1) AND ($2::text IS NULL OR f.scheme = $2) AND ($3::int IS NULL OR f.year = $3)
     ORDER BY f.year, f.office, f.scheme`,
    [filter.office ?? null, filter.scheme ?? null, filter.year ?? null],
  );
  return r.rows.map((f) => ({ ...f, free: f.frame - f.committedFromEarlierYears - f.decidedThisYear }));
}

interface GrantFilter {
  grantId?: string;
  office?: string;
  scheme?: string;
  decisionYear?: number;
  recipientOrg?: string;
}

/** Grants with their years, payments and claims; `today` decides which reports are overdue (R15). */
async function grants(sql: Sql, filter: GrantFilter, today: string): Promise<GrantView[]> {
  const where = `($1::text IS NULL OR g.grant_id = $1) AND ($2::text IS NULL OR g.office = $2) AND ($3::text IS NULL OR g.scheme = $3)
    AND ($4::int IS NULL OR g.decision_year = $4) AND ($5::text IS NULL OR g.recipient_org = $5)`;
  const params = [filter.grantId ?? null, filter.office ?? null, filter.scheme ?? null, filter.decisionYear ?? null, filter.recipientOrg ?? null];
  const rows = (
    await sql.query<Omit<GrantView, 'years' | 'payments' | 'claims'>>(
      `SELECT g.grant_id AS "grantId", g.office, g.scheme, g.decision_year AS "decisionYear", g.call_id AS "callId", g.measure_id AS "measureId",
         g.recipient_org AS "recipientOrg", g.recipient_kind AS "recipientKind", g.status, g.basis, g.recommendation_id AS "recommendationId",
         g.deviates, g.deviation_reason AS "deviationReason", g.rule_set_version AS "ruleSetVersion", to_char(g.decided_on, 'YYYY-MM-DD') AS "decidedOn",
         to_char(g.decision_date, 'YYYY-MM-DD') AS "decisionDate", g.amendments, g.revocation_reason AS "revocationReason", g.warnings,
         to_char(g.accepted_on, 'YYYY-MM-DD') AS "acceptedOn", g.grant_version AS version, g.ledger_version AS "decisionVersion"
       FROM gr_grants g WHERE ${where} ORDER BY g.decision_year, g.office, g.recipient_org, g.measure_id`,
      params,
    )
  ).rows;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.grantId);
  const years = (
    await sql.query<GrantYearView & { grantId: string }>(
      `SELECT grant_id AS "grantId", year, ${n('recommended', 'recommended')}, ${n('decided', 'decided')}, ${n('co_fin_required', 'coFinancingRequired')},
         ${n('co_fin_committed', 'coFinancingCommitted')}, ${n('co_fin_documented', 'coFinancingDocumented')}, ${n('shortfall', 'coFinancingShortfall')},
         ${n('paid', 'paid')}, to_char(report_deadline, 'YYYY-MM-DD') AS "reportDeadline", report_status AS "reportStatus",
         (accepted AND active AND decided > 0 AND report_status = 'due' AND report_deadline < $2::date) AS "reportOverdue",
         to_char(report_submitted_on, 'YYYY-MM-DD') AS "reportSubmittedOn", report_late AS "reportLate", report,
         ${n('claimed', 'repaymentClaimed')}, ${n('repaid', 'repaid')}
       FROM gr_grant_years WHERE grant_id = ANY($1::text[]) ORDER BY grant_id, year`,
      [ids, today],
    )
  ).rows;
  const payments = (
    await sql.query<{ grantId: string; paymentId: string; year: number; amount: number; paidOn: string }>(
      `SELECT grant_id AS "grantId", payment_id AS "paymentId", year, ${n('amount', 'amount')}, to_char(paid_on, 'YYYY-MM-DD') AS "paidOn"
       FROM gr_payments WHERE grant_id = ANY($1::text[]) ORDER BY recorded_at, payment_id`,
      [ids],
    )
  ).rows;
  const claims = (
    await sql.query<{ grantId: string; claimId: string; year: number | null; amount: number; reason: string; claimedOn: string; settled: number }>(
      `SELECT grant_id AS "grantId", claim_id AS "claimId", year, ${n('amount', 'amount')}, reason, to_char(claimed_on, 'YYYY-MM-DD') AS "claimedOn", ${n('settled', 'settled')}
       FROM gr_claims WHERE grant_id = ANY($1::text[]) ORDER BY claimed_on, claim_id`,
      [ids],
    )
  ).rows;
  return rows.map((g) => ({
    ...g,
    years: years.filter((y) => y.grantId === g.grantId).map(({ grantId: _, ...y }) => y),
    payments: payments.filter((p) => p.grantId === g.grantId).map(({ grantId: _, ...p }) => p),
    claims: claims.filter((c) => c.grantId === g.grantId).map(({ grantId: _, ...c }) => ({ ...c, outstanding: c.amount - c.settled })),
  }));
}

// ---------- Frames ----------

export class ListFrames {
  constructor(readonly actor: Actor, readonly filter: { office?: string; scheme?: Scheme; year?: number }, readonly asOf?: number) {}
}
export class GetFrameLedgerHistory {
  constructor(readonly actor: Actor, readonly office: string, readonly scheme: Scheme, readonly asOf?: number) {}
}

/** R20: the ministry sees every office; a governor its own; nobody else sees frames. */
function officeScope(actor: Actor, office: string | undefined): string | undefined {
  if (actor.role === 'ministry') return office;
  if (actor.role !== 'governor') throw new ForbiddenError('frames are for the ministry and the governors');
  if (office !== undefined && office !== actor.office) throw new ForbiddenError(`office ${office} is not visible to the governor of ${actor.office}`);
  return actor.office;
}

@QueryHandler(ListFrames)
export class ListFramesHandler implements IQueryHandler<ListFrames, FrameView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, asOf }: ListFrames) {
    const office = officeScope(actor, filter.office);
    return this.readModels.run(RM, asOf, (sql) => frames(sql, { ...filter, office }));
  }
}

@QueryHandler(GetFrameLedgerHistory)
export class GetFrameLedgerHistoryHandler implements IQueryHandler<GetFrameLedgerHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, office, scheme, asOf }: GetFrameLedgerHistory) {
    officeScope(actor, office);
    return this.readModels.existingHistory('frame ledger', `${office} ${scheme}`, ledgerStream(office, scheme), asOf);
  }
}

// ---------- Grants ----------

export class ListGrants {
  constructor(readonly actor: Actor, readonly filter: { office?: string; scheme?: Scheme; year?: number; recipientOrg?: string }, readonly asOf?: number) {}
}
export class GetGrant {
  constructor(readonly actor: Actor, readonly grantId: string, readonly asOf?: number) {}
}
export class GetGrantHistory {
  constructor(readonly actor: Actor, readonly grantId: string, readonly asOf?: number) {}
}

@QueryHandler(ListGrants)
export class ListGrantsHandler implements IQueryHandler<ListGrants, GrantView[]> {
  constructor(private readonly readModels: ReadModels, private readonly clock: GrantsClock) {}

  execute({ actor, filter, asOf }: ListGrants) {
    const scoped: GrantFilter = { office: filter.office, scheme: filter.scheme, decisionYear: filter.year, recipientOrg: filter.recipientOrg };
    if (actor.role === 'governor') {
      if (filter.office !== undefined && filter.office !== actor.office) throw new ForbiddenError(`office ${filter.office} is not visible to the governor of ${actor.office}`);
      scoped.office = actor.office;
    } else if (actor.role !== 'ministry') {
      if (filter.recipientOrg !== undefined && filter.recipientOrg !== actor.org) throw new ForbiddenError(`grants of ${filter.recipientOrg} are not visible to ${actor.org}`);
      scoped.recipientOrg = actor.org;
    }
    return this.readModels.run(RM, asOf, (sql) => grants(sql, scoped, this.clock.today()));
  }
}

@QueryHandler(GetGrant)
export class GetGrantHandler implements IQueryHandler<GetGrant, HttpResult<GrantView>> {
  constructor(private readonly readModels: ReadModels, private readonly clock: GrantsClock) {}

  async execute({ actor, grantId, asOf }: GetGrant) {
    const { office, recipientOrg } = grantIdParts(grantId);
    assertCanSeeGrant(actor, office, recipientOrg);
    const [grant] = await this.readModels.run(RM, asOf, (sql) => grants(sql, { grantId }, this.clock.today()));
    if (!grant) throw new NotFoundError('grant', grantId);
    return withETag(grant, grant.version);
  }
}

@QueryHandler(GetGrantHistory)
export class GetGrantHistoryHandler implements IQueryHandler<GetGrantHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  /** The decision's events from the frame ledger and the grant's own, in global order (R21). */
  async execute({ actor, grantId, asOf }: GetGrantHistory) {
    const { office, scheme, recipientOrg } = grantIdParts(grantId);
    assertCanSeeGrant(actor, office, recipientOrg);
    const ledger = (await this.readModels.history(ledgerStream(office, scheme), asOf)).filter((h) => (h.data as { grantId?: string }).grantId === grantId);
    if (ledger.length === 0) throw new NotFoundError('grant', grantId);
    const own = await this.readModels.history(grantStream(grantId), asOf);
    return [...ledger, ...own].sort((a, b) => a.position - b.position);
  }
}

// ---------- Role views ----------

export class GetGovernorOverview {
  constructor(readonly actor: Actor, readonly filter: { office?: string; scheme: Scheme; year: number }, readonly asOf?: number) {}
}

export interface GovernorOverview {
  office: string;
  scheme: string;
  year: number;
  today: string;
  frame: FrameView | null;
  /** Per recipient and measure, the money for this year (this year's decisions and earlier commitments). */
  lines: Array<Omit<GrantYearView, 'report'> & { grantId: string; measureId: string; recipientOrg: string; recipientKind: string; decisionYear: number; status: string; deviates: boolean; accepted: boolean }>;
  /** R15: reports past their deadline, any year, in the office and scheme. */
  overdue: Array<{ grantId: string; recipientOrg: string; year: number; reportDeadline: string }>;
  /** R7: documented co-financing below the minimum. */
  shortfall: Array<{ grantId: string; recipientOrg: string; year: number; coFinancingRequired: number; coFinancingDocumented: number; coFinancingShortfall: number }>;
}

@QueryHandler(GetGovernorOverview)
export class GetGovernorOverviewHandler implements IQueryHandler<GetGovernorOverview, GovernorOverview> {
  constructor(private readonly readModels: ReadModels, private readonly clock: GrantsClock) {}

  async execute({ actor, filter, asOf }: GetGovernorOverview) {
    const office = officeScope(actor, filter.office);
    if (!office) throw new NotFoundError('governor office', '(give ?office=)');
    const today = this.clock.today();
    return this.readModels.run(RM, asOf, async (sql) => {
      const [frame] = await frames(sql, { office, scheme: filter.scheme, year: filter.year });
      const all = await grants(sql, { office, scheme: filter.scheme }, today);
      const lines: GovernorOverview['lines'] = [];
      const overdue: GovernorOverview['overdue'] = [];
      const shortfall: GovernorOverview['shortfall'] = [];
      for (const g of all) {
        for (const y of g.years) {
          const { report: _, ...rest } = y;
          if (y.year === filter.year) {
            lines.push({ grantId: g.grantId, measureId: g.measureId, recipientOrg: g.recipientOrg, recipientKind: g.recipientKind, decisionYear: g.decisionYear, status: g.status, deviates: g.deviates, accepted: g.acceptedOn !== null, ...rest });
          }
          if (y.reportOverdue) overdue.push({ grantId: g.grantId, recipientOrg: g.recipientOrg, year: y.year, reportDeadline: y.reportDeadline });
          if (y.coFinancingShortfall) {
            shortfall.push({ grantId: g.grantId, recipientOrg: g.recipientOrg, year: y.year, coFinancingRequired: y.coFinancingRequired, coFinancingDocumented: y.coFinancingDocumented ?? 0, coFinancingShortfall: y.coFinancingShortfall });
          }
        }
      }
      return { office, scheme: filter.scheme, year: filter.year, today, frame: frame ?? null, lines, overdue, shortfall };
    });
  }
}

export class GetRecipientOverview {
  constructor(readonly actor: Actor, readonly org: string, readonly asOf?: number) {}
}

export interface RecipientOverview {
  org: string;
  today: string;
  grants: GrantView[];
  obligations: Array<
    | { kind: 'co_financing'; grantId: string; year: number; required: number; committed: number | null; documented: number | null }
    | { kind: 'report'; grantId: string; year: number; deadline: string; status: string; overdue: boolean }
    | { kind: 'repayment'; grantId: string; claimId: string; amount: number; outstanding: number; reason: string }
  >;
  payments: Array<{ grantId: string; paymentId: string; year: number; amount: number; paidOn: string }>;
}

@QueryHandler(GetRecipientOverview)
export class GetRecipientOverviewHandler implements IQueryHandler<GetRecipientOverview, RecipientOverview> {
  constructor(private readonly readModels: ReadModels, private readonly clock: GrantsClock) {}

  /** R20: the owner or university itself, the governor (its office's grants only) and the ministry. */
  async execute({ actor, org, asOf }: GetRecipientOverview) {
    if ((actor.role === 'school_owner' || actor.role === 'university') && actor.org !== org) {
      throw new ForbiddenError(`grants of ${org} are not visible to ${actor.org}`);
    }
    const office = actor.role === 'governor' ? actor.office : undefined;
    const today = this.clock.today();
    const list = await this.readModels.run(RM, asOf, (sql) => grants(sql, { recipientOrg: org, office }, today));
    const obligations: RecipientOverview['obligations'] = [];
    for (const g of list) {
      for (const y of g.years) {
        if (g.status !== 'active' || y.decided === 0) continue;
        if (y.coFinancingRequired > 0) obligations.push({ kind: 'co_financing', grantId: g.grantId, year: y.year, required: y.coFinancingRequired, committed: y.coFinancingCommitted, documented: y.coFinancingDocumented });
        obligations.push({ kind: 'report', grantId: g.grantId, year: y.year, deadline: y.reportDeadline, status: y.reportStatus, overdue: y.reportOverdue });
      }
      for (const c of g.claims) if (c.outstanding > 0) obligations.push({ kind: 'repayment', grantId: g.grantId, claimId: c.claimId, amount: c.amount, outstanding: c.outstanding, reason: c.reason });
    }
    const payments = list.flatMap((g) => g.payments.map((p) => ({ grantId: g.grantId, ...p })));
    return { org, today, grants: list, obligations, payments };
  }
}

export const GRANT_QUERY_HANDLERS = [
  ListFramesHandler,
  GetFrameLedgerHistoryHandler,
  ListGrantsHandler,
  GetGrantHandler,
  GetGrantHistoryHandler,
  GetGovernorOverviewHandler,
  GetRecipientOverviewHandler,
];
