import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ORGANISATION_DIRECTORY } from '#libs/kernel';
import { AmendOrganisationHandler } from './organisation/amend-organisation/amend-organisation.handler.js';
import { AmendOrganisationRoute } from './organisation/amend-organisation/amend-organisation.route.js';
import { StreamOrganisationDirectory } from './organisation/directory/organisation-directory.js';
import { RegisterOrganisationHandler } from './organisation/register-organisation/register-organisation.handler.js';
import { RegisterOrganisationRoute } from './organisation/register-organisation/register-organisation.route.js';
import {
  GetOrganisationHandler,
  GetOrganisationHistoryHandler,
  ListOrganisationsHandler,
} from './read-model/organisations/organisations.queries.js';
import { OrganisationsRoute } from './read-model/organisations/organisations.route.js';

/** Global, so ORGANISATION_DIRECTORY reaches every capability. */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [RegisterOrganisationRoute, AmendOrganisationRoute, OrganisationsRoute],
  providers: [
    RegisterOrganisationHandler,
    AmendOrganisationHandler,
    ListOrganisationsHandler,
    GetOrganisationHandler,
    GetOrganisationHistoryHandler,
    { provide: ORGANISATION_DIRECTORY, useClass: StreamOrganisationDirectory },
  ],
  exports: [ORGANISATION_DIRECTORY],
})
export class OrganisationsModule {}
