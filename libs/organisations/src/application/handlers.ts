import { CommandHandler, IQueryHandler, QueryHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ForbiddenError, NotFoundError, type Organisation, type OrgKind } from '#libs/kernel';
import { CommandRunner, ReadModels, withETag, type CommandMeta } from '#libs/platform';
import { organisationDecider, organisationStream } from '../domain/organisation.decider.js';

export interface RegisterInput {
  orgNumber: string;
  name: string;
  kind: OrgKind;
  municipalityNumber?: string;
  countyNumber?: string;
}
export class RegisterOrganisation {
  constructor(readonly meta: CommandMeta, readonly input: RegisterInput) {}
}
export class AmendOrganisation {
  constructor(readonly meta: CommandMeta, readonly orgNumber: string, readonly input: Partial<Omit<RegisterInput, 'orgNumber'>> & { reason: string }) {}
}

/** The ministry registers anywhere; a governor within its office (checked by the decider); nobody else. */
function actorOffice(meta: CommandMeta): string | null {
  if (meta.actor.role === 'ministry') return null;
  if (meta.actor.role === 'governor' && meta.actor.office) return meta.actor.office;
  throw new ForbiddenError('only the ministry or a governor registers organisations');
}

@CommandHandler(RegisterOrganisation)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisation> {
  constructor(private readonly runner: CommandRunner) {}
  execute({ meta, input }: RegisterOrganisation) {
    return this.runner.run({
      streamId: organisationStream(input.orgNumber),
      id: input.orgNumber,
      decider: organisationDecider,
      meta,
      location: `/organisations/${input.orgNumber}`,
      command: { type: 'RegisterOrganisation', ...input, actorOffice: actorOffice(meta) },
    });
  }
}

@CommandHandler(AmendOrganisation)
export class AmendOrganisationHandler implements ICommandHandler<AmendOrganisation> {
  constructor(private readonly runner: CommandRunner) {}
  execute({ meta, orgNumber, input }: AmendOrganisation) {
    return this.runner.run({
      streamId: organisationStream(orgNumber),
      id: orgNumber,
      decider: organisationDecider,
      meta,
      reason: input.reason,
      command: { type: 'AmendOrganisation', ...input, actorOffice: actorOffice(meta) },
    });
  }
}

export class ListOrganisations {
  constructor(readonly filter: { office?: string; kind?: string }, readonly asOf?: number) {}
}
export class GetOrganisation {
  constructor(readonly orgNumber: string, readonly asOf?: number) {}
}
export class GetOrganisationHistory {
  constructor(readonly orgNumber: string, readonly asOf?: number) {}
}

type OrganisationView = Organisation & { version: number };
const SELECT = `SELECT org_number AS "orgNumber", name, kind, municipality_number AS "municipalityNumber",
  county_number AS "countyNumber", office, version FROM org_organisations`;

@QueryHandler(ListOrganisations)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisations> {
  constructor(private readonly readModels: ReadModels) {}
  execute({ filter, asOf }: ListOrganisations) {
    return this.readModels.run(['organisations'], asOf, async (sql) =>
      (await sql.query<OrganisationView>(`${SELECT} WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR kind = $2) ORDER BY org_number`, [filter.office ?? null, filter.kind ?? null])).rows,
    );
  }
}

@QueryHandler(GetOrganisation)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisation> {
  constructor(private readonly readModels: ReadModels) {}
  async execute({ orgNumber, asOf }: GetOrganisation) {
    const row = await this.readModels.run(['organisations'], asOf, async (sql) => (await sql.query<OrganisationView>(`${SELECT} WHERE org_number = $1`, [orgNumber])).rows[0]);
    if (!row) throw new NotFoundError('organisation', orgNumber);
    return withETag(row, row.version);
  }
}

@QueryHandler(GetOrganisationHistory)
export class GetOrganisationHistoryHandler implements IQueryHandler<GetOrganisationHistory> {
  constructor(private readonly readModels: ReadModels) {}
  async execute({ orgNumber, asOf }: GetOrganisationHistory) {
    return this.readModels.existingHistory('organisation', orgNumber, organisationStream(orgNumber), asOf);
  }
}
