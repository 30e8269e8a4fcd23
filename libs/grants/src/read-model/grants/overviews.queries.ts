import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, NotFoundError, type Actor, type Clock, type Scheme } from '#libs/kernel';
import { ReadModels } from '#libs/platform';
import { officeScope } from './frames.queries.js';
import { officeByCode } from '#libs/reference-data';
import { frames, grants, nameOfOrg, RM } from './grants.read.js';
import type { GovernorOverview, GrantView, RecipientOverview } from './grants.view.js';

export class GetGovernorOverview {
  constructor(
    readonly actor: Actor,
    readonly filter: { office?: string; scheme: Scheme; year: number },
    readonly asOf?: number,
  ) {}
}
export class GetRecipientOverview {
  constructor(
    readonly actor: Actor,
    readonly org: string,
    readonly asOf?: number,
  ) {}
}

/** The year's lines, overdue reports (any year) and co-financing shortfalls of an office's grants. */
function governorLines(all: GrantView[], year: number) {
  const lines: GovernorOverview['lines'] = [];
  const overdue: GovernorOverview['overdue'] = [];
  const shortfall: GovernorOverview['shortfall'] = [];
  for (const g of all) {
    for (const y of g.years) {
      const { report: _, ...rest } = y;
      if (y.year === year) {
        lines.push({
          grantId: g.grantId,
          measureId: g.measureId,
          measureTitle: g.measureTitle,
          recipientOrg: g.recipientOrg,
          recipientName: g.recipientName,
          recipientKind: g.recipientKind,
          decisionYear: g.decisionYear,
          status: g.status,
          deviates: g.deviates,
          accepted: g.acceptedOn !== null,
          ...rest,
        });
      }
      if (y.reportOverdue)
        overdue.push({
          grantId: g.grantId,
          recipientOrg: g.recipientOrg,
          recipientName: g.recipientName,
          year: y.year,
          reportDeadline: y.reportDeadline,
        });
      if (y.coFinancingShortfall) {
        shortfall.push({
          grantId: g.grantId,
          recipientOrg: g.recipientOrg,
          recipientName: g.recipientName,
          year: y.year,
          coFinancingRequired: y.coFinancingRequired,
          coFinancingDocumented: y.coFinancingDocumented ?? 0,
          coFinancingShortfall: y.coFinancingShortfall,
        });
      }
    }
  }
  return { lines, overdue, shortfall };
}

@QueryHandler(GetGovernorOverview)
export class GetGovernorOverviewHandler implements IQueryHandler<GetGovernorOverview, GovernorOverview> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, filter, asOf }: GetGovernorOverview) {
    const office = officeScope(actor, filter.office);
    if (!office) throw new NotFoundError('governor office', '(give ?office=)');
    const today = this.clock.today();
    return this.readModels.run(RM, asOf, async (sql) => {
      const [frame] = await frames(sql, { office, scheme: filter.scheme, year: filter.year });
      const all = await grants(sql, { office, scheme: filter.scheme }, today);
      const officeName = officeByCode(office)?.name ?? null;
      return {
        office,
        officeName,
        scheme: filter.scheme,
        year: filter.year,
        today,
        frame: frame ?? null,
        ...governorLines(all, filter.year),
      };
    });
  }
}

function obligationsOf(list: GrantView[]): RecipientOverview['obligations'] {
  const obligations: RecipientOverview['obligations'] = [];
  for (const g of list) {
    for (const y of g.years) {
      if (g.status !== 'active' || y.decided === 0) continue;
      if (y.coFinancingRequired > 0)
        obligations.push({
          kind: 'co_financing',
          grantId: g.grantId,
          year: y.year,
          required: y.coFinancingRequired,
          committed: y.coFinancingCommitted,
          documented: y.coFinancingDocumented,
        });
      obligations.push({
        kind: 'report',
        grantId: g.grantId,
        year: y.year,
        deadline: y.reportDeadline,
        status: y.reportStatus,
        overdue: y.reportOverdue,
      });
    }
    for (const c of g.claims)
      if (c.outstanding > 0)
        obligations.push({
          kind: 'repayment',
          grantId: g.grantId,
          claimId: c.claimId,
          amount: c.amount,
          outstanding: c.outstanding,
          reason: c.reason,
        });
  }
  return obligations;
}

@QueryHandler(GetRecipientOverview)
export class GetRecipientOverviewHandler implements IQueryHandler<GetRecipientOverview, RecipientOverview> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** R20: the owner or university itself, the governor (its office's grants only) and the ministry. */
  async execute({ actor, org, asOf }: GetRecipientOverview) {
    if (actor.role === 'school_owner' || actor.role === 'university') AccessPolicy.assertActsFor(actor, org, 'sees its grants');
    const office = actor.role === 'governor' ? actor.office : undefined;
    const today = this.clock.today();
    const { list, orgName } = await this.readModels.run(RM, asOf, async (sql) => ({
      list: await grants(sql, { recipientOrg: org, office }, today),
      orgName: await nameOfOrg(sql, org),
    }));
    const payments = list.flatMap((g) => g.payments.map((p) => ({ grantId: g.grantId, ...p })));
    return { org, orgName, today, grants: list, obligations: obligationsOf(list), payments };
  }
}
