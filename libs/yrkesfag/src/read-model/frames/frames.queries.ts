import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, NotFoundError, type Actor, type Clock } from '#libs/kernel';
import { historyPage, Page, queryPage, type PageRequest } from '#libs/http';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { YrkesfagFrame } from '../../county-frame/county-frame.aggregate.js';
import { countyViews } from './frame-rows.js';
import type { CountyFrameView } from './frames.view.js';

export class ListYrkesfagCounties {
  constructor(
    readonly actor: Actor,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetYrkesfagCounty {
  constructor(
    readonly actor: Actor,
    readonly county: string,
    readonly asOf?: number,
  ) {}
}
export class GetYrkesfagHistory {
  constructor(
    readonly actor: Actor,
    readonly county: string,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

/** R20: the ministry (Udir) sees every county; a county municipality only its own; governors have no role (R24). */
export const assertSeesCounty = (actor: Actor, county: string) =>
  AccessPolicy.assertCanSee(actor, { orgs: [county] }, `the YRKESFAG grant of ${county}`);

const COUNTIES = `SELECT county, name, version FROM yf_counties`;

@QueryHandler(ListYrkesfagCounties)
export class ListYrkesfagCountiesHandler implements IQueryHandler<ListYrkesfagCounties, Page<CountyFrameView>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** By the county's name (then its org number). */
  execute({ actor, page, asOf }: ListYrkesfagCounties) {
    const only = actor.role === 'ministry' ? null : actor.org;
    return this.readModels.run(['yrkesfag_frames'], asOf, async (sql) => {
      const rows = await queryPage<{ county: string; name: string; version: number }>(sql, page, {
        select: `${COUNTIES} WHERE ($1::text IS NULL OR county = $1)`,
        params: [only],
        key: [
          { expr: 'name', type: 'text' },
          { expr: 'county', type: 'text' },
        ],
      });
      return new Page(await countyViews(sql, rows.items, this.clock.today()), rows.next);
    });
  }
}

@QueryHandler(GetYrkesfagCounty)
export class GetYrkesfagCountyHandler implements IQueryHandler<GetYrkesfagCounty, Versioned<CountyFrameView>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, county, asOf }: GetYrkesfagCounty) {
    assertSeesCounty(actor, county);
    const view = await this.readModels.run(['yrkesfag_frames'], asOf, async (sql) => {
      const rows = (await sql.query<{ county: string; name: string; version: number }>(`${COUNTIES} WHERE county = $1`, [county])).rows;
      return (await countyViews(sql, rows, this.clock.today()))[0];
    });
    if (!view) throw new NotFoundError('YRKESFAG county', county);
    return new Versioned(view, view.version);
  }
}

@QueryHandler(GetYrkesfagHistory)
export class GetYrkesfagHistoryHandler implements IQueryHandler<GetYrkesfagHistory, Page<HistoryEntry>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, county, page, asOf }: GetYrkesfagHistory) {
    assertSeesCounty(actor, county);
    return historyPage(await this.readModels.existingHistory('YRKESFAG county', county, YrkesfagFrame.streamOf(county), asOf), page);
  }
}
