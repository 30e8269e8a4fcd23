import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PARTNERSHIP_STATUS } from '#libs/kernel';
import { AddSubcontractorHandler } from './partnership/add-subcontractor/add-subcontractor.handler.js';
import { AddSubcontractorRoute } from './partnership/add-subcontractor/add-subcontractor.route.js';
import { CommitHandler } from './partnership/commit/commit.handler.js';
import { CommitRoute } from './partnership/commit/commit.route.js';
import { DeclineHandler } from './partnership/decline/decline.handler.js';
import { DeclineRoute } from './partnership/decline/decline.route.js';
import { MeasureFactsLookup } from './partnership/partnership.facts.js';
import { PartnershipStatus } from './partnership/status/partnership-status.js';
import {
  GetCommittedCapacityHandler,
  GetPartnershipHandler,
  GetPartnershipHistoryHandler,
  ListPartnershipsHandler,
} from './read-model/partnerships/partnerships.queries.js';
import { PartnershipsRoute } from './read-model/partnerships/partnerships.route.js';

/**
 * University partnerships; provides PARTNERSHIP_STATUS (the universities' answers) to the needs-assessment side,
 * and reads the measures through MEASURE_CATALOG.
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [PartnershipsRoute, CommitRoute, DeclineRoute, AddSubcontractorRoute],
  providers: [
    MeasureFactsLookup,
    CommitHandler,
    DeclineHandler,
    AddSubcontractorHandler,
    ListPartnershipsHandler,
    GetPartnershipHandler,
    GetCommittedCapacityHandler,
    GetPartnershipHistoryHandler,
    { provide: PARTNERSHIP_STATUS, useClass: PartnershipStatus },
  ],
  exports: [PARTNERSHIP_STATUS],
})
export class PartnershipsModule {}
