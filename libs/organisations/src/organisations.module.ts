import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ORGANISATION_DIRECTORY } from '#libs/kernel';
import { StreamOrganisationDirectory } from './application/directory.js';
import {
  AmendOrganisationHandler,
  GetOrganisationHandler,
  GetOrganisationHistoryHandler,
  ListOrganisationsHandler,
  RegisterOrganisationHandler,
} from './application/handlers.js';
import { OrganisationsController } from './http/organisations.controller.js';

/** Provides ORGANISATION_DIRECTORY to every capability. */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [OrganisationsController],
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
