import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MEASURE_CATALOG } from '#libs/kernel';
import { AddMeasureHandler } from './needs-assessment/add-measure/add-measure.handler.js';
import { AddMeasureRoute } from './needs-assessment/add-measure/add-measure.route.js';
import { AmendHandler } from './needs-assessment/amend/amend.handler.js';
import { AmendRoute } from './needs-assessment/amend/amend.route.js';
import { ReadModelMeasureCatalog } from './needs-assessment/catalog/measure-catalog.js';
import { ConfirmOwnerPartHandler } from './needs-assessment/confirm-owner-part/confirm-owner-part.handler.js';
import { ConfirmOwnerPartRoute } from './needs-assessment/confirm-owner-part/confirm-owner-part.route.js';
import { CreateDraftHandler } from './needs-assessment/create-draft/create-draft.handler.js';
import { CreateDraftRoute } from './needs-assessment/create-draft/create-draft.route.js';
import { InviteNetworkOwnerHandler } from './needs-assessment/invite-network-owner/invite-network-owner.handler.js';
import { InviteNetworkOwnerRoute } from './needs-assessment/invite-network-owner/invite-network-owner.route.js';
import { NeedsAssessmentFacts } from './needs-assessment/needs-assessment.facts.js';
import { ReplaceUniversityPartnerHandler } from './needs-assessment/replace-university-partner/replace-university-partner.handler.js';
import { ReplaceUniversityPartnerRoute } from './needs-assessment/replace-university-partner/replace-university-partner.route.js';
import { ReviseMeasureHandler } from './needs-assessment/revise-measure/revise-measure.handler.js';
import { ReviseMeasureRoute } from './needs-assessment/revise-measure/revise-measure.route.js';
import { SetMeasureLinesHandler } from './needs-assessment/set-measure-lines/set-measure-lines.handler.js';
import { SetMeasureLinesRoute } from './needs-assessment/set-measure-lines/set-measure-lines.route.js';
import { SubmitHandler } from './needs-assessment/submit/submit.handler.js';
import { SubmitRoute } from './needs-assessment/submit/submit.route.js';
import { UpdateContentHandler } from './needs-assessment/update-content/update-content.handler.js';
import { UpdateContentRoute } from './needs-assessment/update-content/update-content.route.js';
import { WithdrawHandler } from './needs-assessment/withdraw/withdraw.handler.js';
import { WithdrawRoute } from './needs-assessment/withdraw/withdraw.route.js';
import {
  GetGovernorInboxHandler,
  GetNeedsAssessmentHandler,
  GetNeedsAssessmentHistoryHandler,
  GetNeedsAssessmentVersionHandler,
  ListNeedsAssessmentsHandler,
} from './read-model/needs-assessments/needs-assessments.queries.js';
import { NeedsAssessmentsRoute } from './read-model/needs-assessments/needs-assessments.route.js';

/**
 * Needs assessments; provides MEASURE_CATALOG to every capability. Needs ORGANISATION_DIRECTORY, CALL_CATALOG and
 * PARTNERSHIP_STATUS (provided globally by the organisations, calls and partnerships modules).
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [
    CreateDraftRoute,
    UpdateContentRoute,
    InviteNetworkOwnerRoute,
    ConfirmOwnerPartRoute,
    AddMeasureRoute,
    ReviseMeasureRoute,
    SetMeasureLinesRoute,
    ReplaceUniversityPartnerRoute,
    SubmitRoute,
    AmendRoute,
    WithdrawRoute,
    NeedsAssessmentsRoute,
  ],
  providers: [
    NeedsAssessmentFacts,
    CreateDraftHandler,
    UpdateContentHandler,
    InviteNetworkOwnerHandler,
    ConfirmOwnerPartHandler,
    AddMeasureHandler,
    ReviseMeasureHandler,
    SetMeasureLinesHandler,
    ReplaceUniversityPartnerHandler,
    SubmitHandler,
    AmendHandler,
    WithdrawHandler,
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
