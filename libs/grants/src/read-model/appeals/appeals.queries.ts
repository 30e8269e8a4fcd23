import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, NotFoundError, type Actor, type Clock } from '#libs/kernel';
import { pageOf, type Page } from '#libs/http';
import { CommandRunner, ReadModels, Versioned } from '#libs/platform';
import { isKnownOfficeCode } from '#libs/reference-data';
import { Appeal, parseAppealId, type AppealLodgedData, type AppealState } from '../../appeal/appeal.aggregate.js';
import { appealLetterSteps } from '../../appeal/letters/appeal-letter.js';
import { positioned } from '../../letters/grant-letters/grant-letters.service.js';
import { APPEAL_MEASURE_TITLES, APPEAL_ORG_NAMES, appeals, appealsPage, RM, type AppealFilter } from './appeals.read.js';
import type { AppealListQueryDto, AppealRow, AppealView, OfficeAppealsView } from './appeals.view.js';

export class ListAppeals {
  constructor(
    readonly actor: Actor,
    readonly filter: AppealListQueryDto,
    readonly asOf?: number,
  ) {}
}
export class GetAppeal {
  constructor(
    readonly actor: Actor,
    readonly appealId: string,
    readonly asOf?: number,
  ) {}
}
export class GetOfficeAppeals {
  constructor(
    readonly actor: Actor,
    readonly office: string,
    readonly asOf?: number,
  ) {}
}

/** R20: the appellant, the appeal's governor office and the ministry see an appeal. */
export function assertCanSeeAppeal(actor: Actor, a: Pick<AppealLodgedData, 'appellantOrg' | 'office' | 'appealId'>) {
  AccessPolicy.assertCanSee(actor, { orgs: [a.appellantOrg], office: a.office }, `Appeal ${a.appealId}`);
}

/** An appeal's stream (404 when there is none, then); R20 checked on the id before anything is read. */
export async function loadAppeal(runner: CommandRunner, actor: Actor, appealId: string, asOf?: number) {
  const parts = parseAppealId(appealId);
  if (!parts) throw new NotFoundError('appeal', appealId);
  assertCanSeeAppeal(actor, { appealId, appellantOrg: parts.appellantOrg, office: parts.office });
  const loaded = await runner.load(Appeal, appealId, asOf);
  if (!loaded.state.lodged) throw new NotFoundError('appeal', appealId);
  return loaded as typeof loaded & { state: AppealState & { lodged: AppealLodgedData } };
}

function scopeOf(actor: Actor, f: AppealListQueryDto): AppealFilter {
  if (actor.role === 'ministry') return { office: f.office, status: f.status };
  if (actor.role === 'governor') {
    if (f.office !== undefined) AccessPolicy.assertGovernorOf(actor, f.office, 'lists appeals', `Office ${f.office}`);
    return { office: actor.office, status: f.status };
  }
  return { office: f.office, status: f.status, appellantOrg: actor.org };
}

@QueryHandler(ListAppeals)
export class ListAppealsHandler implements IQueryHandler<ListAppeals, Page<AppealRow>> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, asOf }: ListAppeals) {
    const scoped = scopeOf(actor, filter);
    return this.readModels.run(RM, asOf, (sql) => appealsPage(sql, scoped, pageOf(filter)));
  }
}

@QueryHandler(GetAppeal)
export class GetAppealHandler implements IQueryHandler<GetAppeal, Versioned<AppealView>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly readModels: ReadModels,
  ) {}

  /** From the appeal's own stream (no read-model lag): every step with actor, time and reason, and its letters. */
  async execute({ actor, appealId, asOf }: GetAppeal) {
    const loaded = await loadAppeal(this.runner, actor, appealId, asOf);
    const steps = await this.readModels.history(Appeal.streamOf(appealId), asOf);
    const letters = appealLetterSteps(positioned(loaded)).map((s) => ({
      n: s.n,
      kind: s.kind,
      date: s.date,
      outcome: s.outcome,
      href: `/appeals/${appealId}/letters/${s.n}`,
    }));
    const { recipientOrg, appellantOrg, measureId } = loaded.state.lodged;
    const names = await this.readModels.run(RM, asOf, async (sql) => ({
      orgs: await APPEAL_ORG_NAMES.lookup(sql, [recipientOrg, appellantOrg]),
      titles: await APPEAL_MEASURE_TITLES.lookup(sql, [measureId]),
    }));
    const view: AppealView = {
      ...loaded.state.lodged,
      recipientName: names.orgs.get(recipientOrg) ?? null,
      appellantName: names.orgs.get(appellantOrg) ?? null,
      measureTitle: names.titles.get(measureId) ?? null,
      status: loaded.state.status!,
      steps,
      letters,
      version: loaded.version,
    };
    return new Versioned(view, loaded.version);
  }
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

@QueryHandler(GetOfficeAppeals)
export class GetOfficeAppealsHandler implements IQueryHandler<GetOfficeAppeals, OfficeAppealsView> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** R23: the governor's open appeals (with it, or with Udir), their deadlines and how long they have been open. */
  async execute({ actor, office, asOf }: GetOfficeAppeals) {
    if (!isKnownOfficeCode(office)) throw new NotFoundError('office', office);
    AccessPolicy.assertCanSee(actor, { office }, `The appeals of office ${office}`);
    const today = this.clock.today();
    const rows = await this.readModels.run(RM, asOf, (sql) => appeals(sql, { office, status: 'open' }));
    const open = rows.map((r) => ({
      ...r,
      waitingFor: r.status === 'forwarded' ? ('udir' as const) : ('governor' as const),
      daysOpen: daysBetween(r.lodgedOn, today),
    }));
    return { office, today, open };
  }
}
