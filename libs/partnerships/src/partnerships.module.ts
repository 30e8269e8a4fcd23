import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PARTNERSHIP_STATUS } from '#libs/needs-assessments';
import { MeasureFactsLookup, PartnershipCommandHandler, PartnershipStatus } from './application/commands.js';
import { GetCommittedCapacityHandler, GetPartnershipHandler, GetPartnershipHistoryHandler, ListPartnershipsHandler } from './application/queries.js';
import { PartnershipsController } from './http/partnerships.controller.js';

/** University partnerships; provides PARTNERSHIP_STATUS (the universities' answers) to the needs-assessment side. */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [PartnershipsController],
  providers: [
    PartnershipCommandHandler,
    MeasureFactsLookup,
    ListPartnershipsHandler,
    GetPartnershipHandler,
    GetCommittedCapacityHandler,
    GetPartnershipHistoryHandler,
    { provide: PARTNERSHIP_STATUS, useClass: PartnershipStatus },
  ],
  exports: [PARTNERSHIP_STATUS],
})
export class PartnershipsModule {}
