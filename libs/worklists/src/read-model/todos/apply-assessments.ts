import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { Call } from '#libs/calls';
import { isGiven, isText, Recommendation, RecommendationDraft, type DraftMeasure } from '#libs/forum';
import { NeedsAssessment } from '#libs/needs-assessments';
import { Partnership } from '#libs/partnerships';
import { upcast } from '#libs/platform';

/** The event types before a decision: calls, needs assessments, partnership answers, recommendations and their drafts. */
export const BEFORE_DECISION_TYPES = [
  ...Object.keys(Call.eventTypes),
  ...Object.keys(NeedsAssessment.eventTypes),
  'PartnershipCommitted',
  'PartnershipDeclined',
  ...Object.keys(Recommendation.eventTypes).filter((t) => t !== 'RecommendationPublished'),
  ...Object.keys(RecommendationDraft.eventTypes),
];

const CALL_TYPES = new Set(Object.keys(Call.eventTypes));
const ASSESSMENT_TYPES = new Set(Object.keys(NeedsAssessment.eventTypes));
const RECOMMENDATION_TYPES = new Set(Object.keys(Recommendation.eventTypes));

export async function applyBeforeDecision(stored: StoredEvent, sql: Sql): Promise<void> {
  if (CALL_TYPES.has(stored.type)) return applyCall(stored, sql);
  if (ASSESSMENT_TYPES.has(stored.type)) return applyAssessment(stored, sql);
  if (RECOMMENDATION_TYPES.has(stored.type)) return applyRecommendation(stored, sql);
  if (stored.type.startsWith('Partnership')) {
    const e = upcast(Partnership, stored);
    await sql.query(`INSERT INTO wl_partnership_answers VALUES ($1, $2) ON CONFLICT DO NOTHING`, [e.data.measureId, e.data.university]);
    return;
  }
  return applyDraft(stored, sql);
}

async function applyCall(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(Call, stored);
  if (e.type === 'CallOpened') {
    const d = e.data;
    await sql.query(`INSERT INTO wl_calls VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      d.callId,
      d.office,
      d.scheme,
      d.year,
      d.title,
      d.deadline,
      d.decisionDate,
    ]);
  } else await sql.query(`UPDATE wl_calls SET deadline = $2 WHERE call_id = $1`, [e.data.callId, e.data.deadline]);
}

async function applyAssessment(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(NeedsAssessment, stored);
  const id = e.data.assessmentId;
  const set = (columns: string, ...values: unknown[]) =>
    sql.query(`UPDATE wl_assessments SET ${columns} WHERE assessment_id = $1`, [id, ...values]);
  switch (e.type) {
    case 'NeedsAssessmentDrafted':
      await sql.query(`INSERT INTO wl_assessments VALUES ($1, $2, $3, $4, $5, 1, 'draft', false)`, [
        id,
        e.data.callId,
        e.data.office,
        e.data.leadOwner,
        e.data.title,
      ]);
      return;
    case 'NeedsAssessmentContentUpdated':
      await set('title = $2, revision = $3', e.data.content.title, e.data.revision);
      return;
    case 'NetworkOwnerInvited':
      await sql.query(`INSERT INTO wl_network_owners VALUES ($1, $2, NULL) ON CONFLICT DO NOTHING`, [id, e.data.org]);
      await set('revision = $2', e.data.revision);
      return;
    case 'OwnerPartConfirmed':
      await sql.query(`UPDATE wl_network_owners SET confirmed_revision = $3 WHERE assessment_id = $1 AND org = $2`, [
        id,
        e.data.org,
        e.data.revision,
      ]);
      return;
    case 'MeasureAdded': {
      const m = e.data.measure;
      await sql.query(`INSERT INTO wl_measures VALUES ($1, $2, $3, $4)`, [m.measureId, id, m.title, m.university?.org ?? null]);
      await set('revision = $2', e.data.revision);
      return;
    }
    case 'MeasureRevised':
      await sql.query(`UPDATE wl_measures SET title = $2 WHERE measure_id = $1`, [e.data.measureId, e.data.measure.title]);
      await set('revision = $2', e.data.revision);
      return;
    case 'UniversityPartnerReplaced':
      await sql.query(`UPDATE wl_measures SET university_org = $2 WHERE measure_id = $1`, [e.data.measureId, e.data.university.org]);
      await set('revision = $2', e.data.revision);
      return;
    case 'MeasureLinesSet':
      await set('revision = $2', e.data.revision);
      return;
    case 'NeedsAssessmentSubmitted':
      await set(`status = 'submitted', late = $2`, e.data.late);
      return;
    case 'NeedsAssessmentAmended':
      await set(`status = 'amended'`);
      return;
    case 'NeedsAssessmentWithdrawn':
      await set(`status = 'withdrawn'`);
      return;
  }
}

async function applyRecommendation(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(Recommendation, stored);
  const id = e.data.recommendationId;
  if (e.type === 'RecommendationPublished') return;
  await sql.query(`DELETE FROM wl_recommended WHERE recommendation_id = $1`, [id]);
  if (e.type === 'RecommendationWithdrawn') return;
  for (const m of e.data.measures)
    await sql.query(`INSERT INTO wl_recommended VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [e.data.callId, id, m.measureId]);
}

/** R13: the parts a draft's measure still lacks (the forum refuses to publish until none is missing). */
export function missingParts(m: DraftMeasure): string[] {
  const missing: string[] = [];
  if (!isText(m.participants)) missing.push('participants');
  if (!isGiven(m.startYear) || !isGiven(m.spanYears)) missing.push('duration');
  if (!isText(m.criteria)) missing.push('criteria');
  if (!m.cooperatingOwners?.length) missing.push('cooperatingOwners');
  if (!m.cooperatingUniversities?.length) missing.push('cooperatingUniversities');
  const amounts = m.amounts ?? [];
  if (amounts.length === 0 || amounts.some((a) => !isText(a.recipientOrg) || !isGiven(a.year) || !isGiven(a.amount)))
    missing.push('amounts');
  return missing;
}

async function putDraftMeasure(sql: Sql, recommendationId: string, m: DraftMeasure): Promise<void> {
  await sql.query(
    `INSERT INTO wl_draft_measures VALUES ($1, $2, $3::jsonb) ON CONFLICT (recommendation_id, measure_id) DO UPDATE SET missing = EXCLUDED.missing`,
    [recommendationId, m.measureId, JSON.stringify(missingParts(m))],
  );
}

async function applyDraft(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(RecommendationDraft, stored);
  const id = e.data.recommendationId;
  switch (e.type) {
    case 'RecommendationDraftStarted':
      await sql.query(`INSERT INTO wl_drafts VALUES ($1, $2, $3, true) ON CONFLICT (recommendation_id) DO UPDATE SET open = true`, [
        id,
        e.data.office,
        e.data.callId,
      ]);
      return;
    case 'RecommendationDraftMeasuresAdded':
      for (const m of e.data.measures) await putDraftMeasure(sql, id, m);
      return;
    case 'RecommendationDraftMeasureReplaced':
      await putDraftMeasure(sql, id, e.data.measure);
      return;
    case 'RecommendationDraftMeasureRemoved':
      await sql.query(`DELETE FROM wl_draft_measures WHERE recommendation_id = $1 AND measure_id = $2`, [id, e.data.measureId]);
      return;
    case 'RecommendationDraftPublished':
      await sql.query(`UPDATE wl_drafts SET open = false WHERE recommendation_id = $1`, [id]);
      await sql.query(`DELETE FROM wl_draft_measures WHERE recommendation_id = $1`, [id]);
      return;
  }
}
