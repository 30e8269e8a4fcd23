import type { StoredEvent } from '#libs/event-store';
import type { Projection } from '#libs/projections';
import { EVALUATION_EXPORT_SCHEMA } from './evaluation-export.schema.js';
import { callEvents } from './sources/calls.js';
import { frameLedgerEvents } from './sources/frame-ledger.js';
import { forumEvents, recommendationEvents } from './sources/forum.js';
import { grantEvents } from './sources/grants.js';
import { needsAssessmentEvents } from './sources/needs-assessments.js';
import { organisationEvents } from './sources/organisations.js';
import { partnershipEvents } from './sources/partnerships.js';
import { appealEvents } from './sources/appeals.js';
import { yrkesfagEvents } from './sources/yrkesfag.js';
import type { EventSource } from './sources/source.js';

/**
 * The ministry's evaluation export (R20, R21): one row per measure × recipient × year in `ex_rows`, and the facts
 * the rows are joined with at query time. It subscribes to the events of every capability itself (their published
 * language: `sources/`), so `ReadModels.run(['evaluation_export'], asOf, …)` reads it as of any past position
 * (its tables' history). Tables are prefixed `ex_` (`evaluation-export.schema.ts`).
 *
 * Where each column of `ex_rows` comes from:
 * - office, scheme: the needs assessment (NeedsAssessmentDrafted), the recommendation's call (CallOpened) or the
 *   decision (AllocationDecided), whichever comes first.
 * - requested, coordinator, planned_co_financing: the budget and co-financing lines of the latest submitted or
 *   amended version of the needs assessment (NeedsAssessmentSubmitted/Amended snapshot), per owner or university.
 * - recommended, recommendation_id, recommended_on: the forum's latest recommendation (RecommendationRecorded/
 *   Amended; cleared by RecommendationWithdrawn); recommended_on is the date of the forum meeting.
 * - grant_id … deviation_reason, rule_set_version: the decision (AllocationDecided/Amended/Revoked, frame ledger).
 * - co_fin_required: R7/R8 minimum for the granted amount, as the decision line carries it (else computed with
 *   the kernel's `minimumCoFinancing`, as the grants capability does).
 * - co_fin_committed, accepted_on: GrantAccepted. paid, last_paid_on: GrantPaymentRecorded.
 * - report_*, spent, unspent, co_fin_documented, co_fin_salary_time, reported_participants, evaluation:
 *   GrantReportSubmitted / GrantReportApproved.
 * - claimed, repaid: RepaymentClaimed / RepaymentSettled (a claim without a year counts on the grant's first year).
 * - appeals, appeal*: AppealLodged / Reconsidered / Forwarded / Decided in `ex_appeals`, joined with the appellant's rows (R23).
 * - YRKESFAG rows (R24): the county municipality's events, recomputed per county (`sources/yrkesfag.ts`).
 */
export const EVALUATION_EXPORT = 'evaluation_export';

const SOURCES: readonly EventSource[] = [
  organisationEvents,
  callEvents,
  needsAssessmentEvents,
  partnershipEvents,
  forumEvents,
  recommendationEvents,
  frameLedgerEvents,
  grantEvents,
  appealEvents,
  yrkesfagEvents,
];

const SOURCE_OF = new Map<string, EventSource>(SOURCES.flatMap((s) => s.types.map((t) => [t, s] as const)));

async function applyEvent(stored: StoredEvent, sql: Parameters<Projection['apply']>[1]): Promise<void> {
  await SOURCE_OF.get(stored.type)?.apply(stored, sql);
}

export const evaluationExportProjection: Projection = {
  name: EVALUATION_EXPORT,
  version: 3,
  schema: EVALUATION_EXPORT_SCHEMA,
  handles: [...SOURCE_OF.keys()],
  apply: applyEvent,
};
