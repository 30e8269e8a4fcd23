import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { NeedsAssessment, type MeasureFields } from '#libs/needs-assessments';
import { upcast } from '#libs/platform';
import { withNames } from '#libs/projections';
import { Partnership } from '../../partnership/partnership.aggregate.js';
import { PARTNERSHIP_ORG_NAMES, PARTNERSHIPS_SCHEMA } from './partnerships.schema.js';

/** The needs-assessment events this read model keeps its copy of the assessments and measures from. */
const ASSESSMENT_EVENT_TYPES = [
  'NeedsAssessmentDrafted',
  'MeasureAdded',
  'MeasureRevised',
  'UniversityPartnerReplaced',
  'NeedsAssessmentSubmitted',
  'NeedsAssessmentAmended',
  'NeedsAssessmentWithdrawn',
];

/**
 * Universities' answers to the measures that name them: commitments, declines and subcontractors (R2, R3), with
 * the measure and its assessment as the needs-assessment events tell them (no other capability's tables).
 */
export const partnershipsProjection = withNames(
  {
    name: 'partnerships',
    version: 4,
    schema: PARTNERSHIPS_SCHEMA,
    handles: [...Object.keys(Partnership.eventTypes), ...ASSESSMENT_EVENT_TYPES],
    async apply(stored, sql) {
      if (ASSESSMENT_EVENT_TYPES.includes(stored.type)) return applyAssessmentEvent(stored, sql);
      return applyPartnershipEvent(stored, sql);
    },
  },
  PARTNERSHIP_ORG_NAMES,
);

const brief = (m: MeasureFields) =>
  JSON.stringify({
    title: m.title,
    description: m.description,
    targetGroup: m.targetGroup,
    schools: m.schools,
    participants: m.participants,
    startYear: m.startYear,
    spanYears: m.spanYears,
  });

async function applyAssessmentEvent(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(NeedsAssessment, stored);
  const setStatus = (status: string) =>
    sql.query('UPDATE pt_assessments SET status = $2 WHERE assessment_id = $1', [e.data.assessmentId, status]);
  switch (e.type) {
    case 'NeedsAssessmentDrafted':
      await sql.query(`INSERT INTO pt_assessments (assessment_id, call_id, office, lead_owner, status) VALUES ($1, $2, $3, $4, 'draft')`, [
        e.data.assessmentId,
        e.data.callId,
        e.data.office,
        e.data.leadOwner,
      ]);
      return;
    case 'MeasureAdded': {
      const m = e.data.measure;
      await sql.query(
        `INSERT INTO pt_measures (measure_id, assessment_id, university_org, university_local, brief) VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [m.measureId, e.data.assessmentId, m.university?.org ?? null, m.university?.local ?? null, brief(m)],
      );
      return;
    }
    case 'MeasureRevised':
      await sql.query('UPDATE pt_measures SET brief = $2::jsonb WHERE measure_id = $1', [e.data.measureId, brief(e.data.measure)]);
      return;
    case 'UniversityPartnerReplaced':
      await sql.query('UPDATE pt_measures SET university_org = $2, university_local = $3 WHERE measure_id = $1', [
        e.data.measureId,
        e.data.university.org,
        e.data.university.local,
      ]);
      return;
    case 'NeedsAssessmentSubmitted':
      await setStatus('submitted');
      return;
    case 'NeedsAssessmentAmended':
      await setStatus('amended');
      return;
    case 'NeedsAssessmentWithdrawn':
      await setStatus('withdrawn');
      return;
    default:
      return;
  }
}

async function applyPartnershipEvent(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(Partnership, stored);
  const at = stored.metadata.recordedAt;
  switch (e.type) {
    case 'PartnershipCommitted': {
      const d = e.data;
      await sql.query(
        `INSERT INTO pt_partnerships (measure_id, university_org, assessment_id, office, status, competence_areas, capacity_hours_per_year, from_year, to_year, contact_role, rule_set_version, answered_at, version)
         VALUES ($1, $2, $3, $4, 'committed', $5::jsonb, $6, $7, $8, $9, $10, $11, $12)`,
        [
          d.measureId,
          d.university,
          d.assessmentId,
          d.office,
          JSON.stringify(d.competenceAreas),
          d.capacityHoursPerYear,
          d.fromYear,
          d.toYear,
          d.contactRole,
          d.ruleSetVersion,
          at,
          stored.streamVersion,
        ],
      );
      return;
    }
    case 'PartnershipDeclined':
      await sql.query(
        `INSERT INTO pt_partnerships (measure_id, university_org, assessment_id, office, status, reason, explanation, answered_at, version)
         VALUES ($1, $2, $3, $4, 'declined', $5, $6, $7, $8)`,
        [
          e.data.measureId,
          e.data.university,
          e.data.assessmentId,
          e.data.office,
          e.data.reason,
          e.data.explanation,
          at,
          stored.streamVersion,
        ],
      );
      return;
    case 'SubcontractorAdded':
      await sql.query(
        `UPDATE pt_partnerships SET subcontractors = subcontractors || $3::jsonb, subcontractor_share = $4, warnings = $5::jsonb, version = $6
         WHERE measure_id = $1 AND university_org = $2`,
        [
          e.data.measureId,
          e.data.university,
          JSON.stringify([e.data.subcontractor]),
          e.data.totalSharePercent,
          JSON.stringify(e.data.warnings),
          stored.streamVersion,
        ],
      );
      return;
  }
}
