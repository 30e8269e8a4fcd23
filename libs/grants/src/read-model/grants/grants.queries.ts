import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, NotFoundError, type Actor, type Clock, type Scheme } from '#libs/kernel';
import { Page, historyPage, type PageRequest } from '#libs/http';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { FrameLedger, ledgerIdOf } from '../../frame-ledger/frame-ledger.aggregate.js';
import { Grant } from '../../grant/grant.aggregate.js';
import { grantIdParts } from '../../common/grant-id.js';
import { grants, grantsPage, RM, type GrantFilter } from './grants.read.js';
import type { GrantView } from './grants.view.js';
import { AppealHistory } from '../../appeal/appeal-history.js';

export class ListGrants {
  constructor(
    readonly actor: Actor,
    readonly filter: { office?: string; scheme?: Scheme; year?: number; recipientOrg?: string },
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetGrant {
  constructor(
    readonly actor: Actor,
    readonly grantId: string,
    readonly asOf?: number,
  ) {}
}
export class GetGrantHistory {
  constructor(
    readonly actor: Actor,
    readonly grantId: string,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

/** R20 reading of one grant: the ministry, the office's governor, the recipient. */
export function assertCanSeeGrant(actor: Actor, grantId: string) {
  const parts = grantIdParts(grantId);
  AccessPolicy.assertCanSee(actor, { orgs: [parts.recipientOrg], office: parts.office }, `Grant ${grantId}`);
  return parts;
}

/** R20: a governor lists its office's grants, an owner or university its own, the ministry all. */
function scopeOf(actor: Actor, filter: ListGrants['filter']): GrantFilter {
  const scoped: GrantFilter = {
    office: filter.office,
    scheme: filter.scheme,
    decisionYear: filter.year,
    recipientOrg: filter.recipientOrg,
  };
  if (actor.role === 'governor') {
    if (filter.office !== undefined) AccessPolicy.assertGovernorOf(actor, filter.office, 'lists grants', `Office ${filter.office}`);
    scoped.office = actor.office;
  } else if (actor.role !== 'ministry') {
    if (filter.recipientOrg !== undefined)
      AccessPolicy.assertCanSee(actor, { orgs: [filter.recipientOrg] }, `Grants of ${filter.recipientOrg}`);
    scoped.recipientOrg = actor.org;
  }
  return scoped;
}

@QueryHandler(ListGrants)
export class ListGrantsHandler implements IQueryHandler<ListGrants, Page<GrantView>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, filter, page, asOf }: ListGrants) {
    const scoped = scopeOf(actor, filter);
    return this.readModels.run(RM, asOf, (sql) => grantsPage(sql, scoped, this.clock.today(), page));
  }
}

@QueryHandler(GetGrant)
export class GetGrantHandler implements IQueryHandler<GetGrant, Versioned<GrantView>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The grant with its version as ETag: the version every command on it checks (If-Match). */
  async execute({ actor, grantId, asOf }: GetGrant) {
    assertCanSeeGrant(actor, grantId);
    const [grant] = await this.readModels.run(RM, asOf, (sql) => grants(sql, { grantId }, this.clock.today()));
    if (!grant) throw new NotFoundError('grant', grantId);
    return new Versioned(grant, grant.version);
  }
}

@QueryHandler(GetGrantHistory)
export class GetGrantHistoryHandler implements IQueryHandler<GetGrantHistory, Page<HistoryEntry>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly appeals: AppealHistory,
  ) {}

  /** The decision's events from the frame ledger and the grant's own, in global order (R21). */
  async execute({ actor, grantId, page, asOf }: GetGrantHistory) {
    const { office, scheme } = assertCanSeeGrant(actor, grantId);
    const ledger = (await this.readModels.history(FrameLedger.streamOf(ledgerIdOf(office, scheme)), asOf)).filter(
      (h) => (h.data as { grantId?: string }).grantId === grantId,
    );
    if (ledger.length === 0) throw new NotFoundError('grant', grantId);
    const own = await this.readModels.history(Grant.streamOf(grantId), asOf);
    // R23: the steps of appeals against the grant, or of appeals whose reversal changed it.
    const appeals = await this.appeals.forGrant(grantId, asOf);
    return historyPage([...ledger, ...own, ...appeals], page);
  }
}
