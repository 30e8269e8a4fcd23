import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/kernel';
import { historyPage, Page, queryPage, type PageRequest } from '#libs/http';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { countyNameSql, officeNameSql } from '#libs/projections';
import { Organisation } from '../../organisation/organisation.aggregate.js';
import type { OrganisationView } from './organisations.view.js';

export class ListOrganisations {
  constructor(
    readonly filter: { office?: string; kind?: string },
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetOrganisation {
  constructor(
    readonly orgNumber: string,
    readonly asOf?: number,
  ) {}
}
export class GetOrganisationHistory {
  constructor(
    readonly orgNumber: string,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

const SELECT = `SELECT org_number AS "orgNumber", name, kind, municipality_number AS "municipalityNumber",
  county_number AS "countyNumber", ${countyNameSql('county_number')} AS "countyName", office, ${officeNameSql('office')} AS "officeName",
  version FROM org_organisations`;

@QueryHandler(ListOrganisations)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisations, Page<OrganisationView>> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ filter, page, asOf }: ListOrganisations) {
    return this.readModels.run(['organisations'], asOf, (sql) =>
      queryPage<OrganisationView>(sql, page, {
        select: `${SELECT} WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR kind = $2)`,
        params: [filter.office ?? null, filter.kind ?? null],
        key: [{ expr: '"orgNumber"', type: 'text' }],
      }),
    );
  }
}

/** One organisation, with its stream version as ETag (the version its amendments check). */
@QueryHandler(GetOrganisation)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisation, Versioned<OrganisationView>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ orgNumber, asOf }: GetOrganisation) {
    const row = await this.readModels.run(
      ['organisations'],
      asOf,
      async (sql) => (await sql.query<OrganisationView>(`${SELECT} WHERE org_number = $1`, [orgNumber])).rows[0],
    );
    if (!row) throw new NotFoundError('organisation', orgNumber);
    return new Versioned(row, row.version);
  }
}

@QueryHandler(GetOrganisationHistory)
export class GetOrganisationHistoryHandler implements IQueryHandler<GetOrganisationHistory, Page<HistoryEntry>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ orgNumber, page, asOf }: GetOrganisationHistory) {
    return historyPage(await this.readModels.existingHistory('organisation', orgNumber, Organisation.streamOf(orgNumber), asOf), page);
  }
}
