import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/kernel';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { Organisation } from '../../organisation/organisation.aggregate.js';
import type { OrganisationView } from './organisations.view.js';

export class ListOrganisations {
  constructor(
    readonly filter: { office?: string; kind?: string },
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
    readonly asOf?: number,
  ) {}
}

const SELECT = `SELECT org_number AS "orgNumber", name, kind, municipality_number AS "municipalityNumber",
  county_number AS "countyNumber", office, version FROM org_organisations`;

@QueryHandler(ListOrganisations)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisations, OrganisationView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ filter, asOf }: ListOrganisations) {
    return this.readModels.run(
      ['organisations'],
      asOf,
      async (sql) =>
        (
          await sql.query<OrganisationView>(
            `${SELECT} WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR kind = $2) ORDER BY org_number`,
            [filter.office ?? null, filter.kind ?? null],
          )
        ).rows,
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
export class GetOrganisationHistoryHandler implements IQueryHandler<GetOrganisationHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ orgNumber, asOf }: GetOrganisationHistory) {
    return this.readModels.existingHistory('organisation', orgNumber, Organisation.streamOf(orgNumber), asOf);
  }
}
