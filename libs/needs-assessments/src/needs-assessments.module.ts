import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MEASURE_CATALOG } from '#libs/kernel';
import { NeedsAssessmentCommandHandler } from './application/commands.js';
import { ReadModelMeasureCatalog } from './application/measure-catalog.js';
import {
  GetGovernorInboxHandler,
  GetNeedsAssessmentHandler,
  GetNeedsAssessmentHistoryHandler,
  GetNeedsAssessmentVersionHandler,
  ListNeedsAssessmentsHandler,
} from './application/queries.js';
import { NeedsAssessmentsController } from './http/needs-assessments.controller.js';

/**
 * Needs assessments; provides MEASURE_CATALOG to every capability. Needs PARTNERSHIP_STATUS, which the
 * partnerships module provides globally.
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [NeedsAssessmentsController],
  providers: [
    NeedsAssessmentCommandHandler,
    ListNeedsAssessmentsHandler,
    GetGovernorInboxHandler,
    GetNeedsAssessmentHandler,
    GetNeedsAssessmentVersionHandler,
    GetNeedsAssessmentHistoryHandler,
    { provide: MEASURE_CATALOG, useClass: ReadModelMeasureCatalog },
  ],
  exports: [MEASURE_CATALOG],
})
export class NeedsAssessmentsModule {}
