import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import { Page, historyPage, type PageRequest } from '#libs/http';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { partnershipStream } from '../../partnership/partnership.aggregate.js';
import { partnershipsPage, READ, universityOf, visiblePartnerships } from './partnerships.sql.js';
import type { CapacityView, PartnershipView } from './partnerships.view.js';

export class ListPartnerships {
  constructor(
    readonly actor: Actor,
    readonly filter: { status?: string; university?: string },
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetPartnership {
  constructor(
    readonly actor: Actor,
    readonly measureId: string,
    readonly university: string | undefined,
    readonly asOf?: number,
  ) {}
}
export class GetCommittedCapacity {
  constructor(
    readonly actor: Actor,
    readonly university: string | undefined,
    readonly asOf?: number,
  ) {}
}
export class GetPartnershipHistory {
  constructor(
    readonly actor: Actor,
    readonly measureId: string,
    readonly university: string | undefined,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

const ONE = 'WHERE u.measure_id = $1 AND u.university = $2';

@QueryHandler(ListPartnerships)
export class ListPartnershipsHandler implements IQueryHandler<ListPartnerships, Page<PartnershipView>> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, page, asOf }: ListPartnerships) {
    AccessPolicy.assertRole(
      actor,
      ['university', 'governor', 'ministry'],
      "read partnerships (a school owner sees its measures' partnerships on its needs assessments)",
    );
    return this.readModels.run(READ, asOf, (sql) =>
      partnershipsPage(
        sql,
        actor,
        `WHERE ($1::text IS NULL OR COALESCE(p.status, 'requested') = $1) AND ($2::text IS NULL OR u.university = $2)`,
        [filter.status ?? null, filter.university ?? null],
        page,
      ),
    );
  }
}

/** One partnership, with its stream version as ETag (0 before any answer): the version its commands check. */
@QueryHandler(GetPartnership)
export class GetPartnershipHandler implements IQueryHandler<GetPartnership, Versioned<PartnershipView>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, measureId, university, asOf }: GetPartnership) {
    const uni = universityOf(actor, university);
    const [row] = await this.readModels.run(READ, asOf, (sql) => visiblePartnerships(sql, actor, ONE, [measureId, uni]));
    // R20: a university reads only measures that name it; anything else is not found.
    if (!row) throw new NotFoundError('partnership', `${measureId}:${uni}`);
    return new Versioned(row, row.version);
  }
}

@QueryHandler(GetCommittedCapacity)
export class GetCommittedCapacityHandler implements IQueryHandler<GetCommittedCapacity, CapacityView> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, university, asOf }: GetCommittedCapacity) {
    const uni = universityOf(actor, university);
    const rows = await this.readModels.run(READ, asOf, (sql) =>
      visiblePartnerships(sql, actor, `WHERE u.university = $1 AND p.status = 'committed' AND a.status <> 'withdrawn'`, [uni]),
    );
    const byYear = new Map<number, { year: number; hours: number; measures: number }>();
    for (const r of rows) {
      for (let y = r.fromYear!; y <= r.toYear!; y++) {
        const e = byYear.get(y) ?? { year: y, hours: 0, measures: 0 };
        e.hours += r.capacityHoursPerYear!;
        e.measures += 1;
        byYear.set(y, e);
      }
    }
    return { university: uni, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
  }
}

@QueryHandler(GetPartnershipHistory)
export class GetPartnershipHistoryHandler implements IQueryHandler<GetPartnershipHistory, Page<HistoryEntry>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, measureId, university, page, asOf }: GetPartnershipHistory) {
    const uni = universityOf(actor, university);
    const [row] = await this.readModels.run(READ, asOf, (sql) => visiblePartnerships(sql, actor, ONE, [measureId, uni]));
    if (!row) throw new NotFoundError('partnership', `${measureId}:${uni}`);
    return historyPage(await this.readModels.history(partnershipStream(measureId, uni), asOf), page);
  }
}
