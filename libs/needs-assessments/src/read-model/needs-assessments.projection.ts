import type { Sql } from '#libs/db';
import type { Projection } from '#libs/projections';
import { initialNeedsAssessmentState, needsAssessmentDecider } from '../domain/needs-assessment.decider.js';
import type { NeedsAssessmentEvent, NeedsAssessmentState } from '../domain/needs-assessment.types.js';

export const NEEDS_ASSESSMENT_EVENT_TYPES = [
  'NeedsAssessmentDrafted',
  'NeedsAssessmentContentUpdated',
  'NetworkOwnerInvited',
  'MeasureAdded',
  'MeasureRevised',
  'MeasureLinesSet',
  'UniversityPartnerReplaced',
  'OwnerPartConfirmed',
  'NeedsAssessmentSubmitted',
  'NeedsAssessmentAmended',
  'NeedsAssessmentWithdrawn',
] as const;

/**
 * Needs assessments for owners (own and network), governors (their office) and the ministry. The row keeps the
 * aggregate's folded state (the decider's own `evolve`, so the read model cannot drift from the rules), plus columns
 * to filter on; every submitted or amended version is kept whole in `na_versions` (R21).
 */
export const needsAssessmentsProjection: Projection = {
  name: 'needs_assessments',
  version: 1,
  schema: `
    CREATE TABLE na_assessments (
      assessment_id text PRIMARY KEY,
      call_id text NOT NULL,
      office text NOT NULL,
      scheme text NOT NULL,
      year integer NOT NULL,
      lead_owner text NOT NULL,
      title text NOT NULL,
      status text NOT NULL,
      revision integer NOT NULL,
      versions integer NOT NULL,
      late boolean NOT NULL,
      warnings jsonb NOT NULL,
      state jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      submitted_at timestamptz,
      withdrawn_reason text,
      version integer NOT NULL
    );
    CREATE INDEX na_assessments_by_call ON na_assessments (office, call_id);
    CREATE TABLE na_members (
      assessment_id text NOT NULL,
      org text NOT NULL,
      role text NOT NULL,
      confirmed_revision integer,
      PRIMARY KEY (assessment_id, org)
    );
    CREATE INDEX na_members_by_org ON na_members (org);
    CREATE TABLE na_measures (
      measure_id text PRIMARY KEY,
      assessment_id text NOT NULL,
      title text NOT NULL,
      university_org text,
      university_local boolean,
      data jsonb NOT NULL
    );
    CREATE INDEX na_measures_by_university ON na_measures (university_org);
    CREATE INDEX na_measures_by_assessment ON na_measures (assessment_id);
    CREATE TABLE na_versions (
      assessment_id text NOT NULL,
      version_no integer NOT NULL,
      kind text NOT NULL,
      late boolean NOT NULL,
      submitted_on date NOT NULL,
      deadline date NOT NULL,
      reason text,
      snapshot jsonb NOT NULL,
      warnings jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (assessment_id, version_no)
    );`,
  handles: NEEDS_ASSESSMENT_EVENT_TYPES,
  async apply(stored, sql) {
    const e = { type: stored.type, data: stored.data } as NeedsAssessmentEvent;
    const id = e.data.assessmentId;
    const prior = (await sql.query<{ state: NeedsAssessmentState | string }>('SELECT state FROM na_assessments WHERE assessment_id = $1', [id])).rows[0];
    const before = prior ? (typeof prior.state === 'string' ? (JSON.parse(prior.state) as NeedsAssessmentState) : prior.state) : initialNeedsAssessmentState;
    const s = needsAssessmentDecider.evolve(before, e);
    const at = stored.metadata.recordedAt;
    await sql.query(
      `INSERT INTO na_assessments (assessment_id, call_id, office, scheme, year, lead_owner, title, status, revision, versions, late, warnings, state, created_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15)
       ON CONFLICT (assessment_id) DO UPDATE SET title = $7, status = $8, revision = $9, versions = $10, late = $11, warnings = $12::jsonb, state = $13::jsonb, version = $15`,
      [id, s.callId, s.office, s.scheme, s.year, s.leadOwner, s.content.title, s.status, s.revision, s.versions, s.late, JSON.stringify(s.warnings), JSON.stringify(s), at, stored.streamVersion],
    );
    switch (e.type) {
      case 'NeedsAssessmentDrafted':
        await sql.query(`INSERT INTO na_members (assessment_id, org, role) VALUES ($1, $2, 'lead')`, [id, s.leadOwner]);
        return;
      case 'NetworkOwnerInvited':
        await sql.query(`INSERT INTO na_members (assessment_id, org, role) VALUES ($1, $2, 'network')`, [id, e.data.org]);
        return;
      case 'OwnerPartConfirmed':
        await sql.query('UPDATE na_members SET confirmed_revision = $3 WHERE assessment_id = $1 AND org = $2', [id, e.data.org, e.data.revision]);
        return;
      case 'MeasureAdded':
      case 'MeasureRevised':
      case 'MeasureLinesSet':
      case 'UniversityPartnerReplaced':
        await writeMeasures(sql, s);
        return;
      case 'NeedsAssessmentSubmitted':
      case 'NeedsAssessmentAmended':
        await sql.query(
          `INSERT INTO na_versions (assessment_id, version_no, kind, late, submitted_on, deadline, reason, snapshot, warnings, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)`,
          [id, e.data.version, e.type === 'NeedsAssessmentSubmitted' ? 'submitted' : 'amended', e.type === 'NeedsAssessmentSubmitted' ? e.data.late : s.late, e.data.submittedOn, e.data.deadline, e.type === 'NeedsAssessmentAmended' ? e.data.reason : null, JSON.stringify(e.data.snapshot), JSON.stringify(e.data.warnings), at],
        );
        if (e.type === 'NeedsAssessmentSubmitted') await sql.query('UPDATE na_assessments SET submitted_at = $2 WHERE assessment_id = $1', [id, at]);
        return;
      case 'NeedsAssessmentWithdrawn':
        await sql.query('UPDATE na_assessments SET withdrawn_reason = $2 WHERE assessment_id = $1', [id, e.data.reason]);
        return;
      default:
        return;
    }
  },
};

async function writeMeasures(sql: Sql, s: NeedsAssessmentState): Promise<void> {
  for (const m of s.measures) {
    await sql.query(
      `INSERT INTO na_measures (measure_id, assessment_id, title, university_org, university_local, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (measure_id) DO UPDATE SET title = $3, university_org = $4, university_local = $5, data = $6::jsonb`,
      [m.measureId, s.assessmentId, m.title, m.university?.org ?? null, m.university?.local ?? null, JSON.stringify(m)],
    );
  }
}
