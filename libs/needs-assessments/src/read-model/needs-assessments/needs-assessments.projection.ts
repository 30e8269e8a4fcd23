import { Call } from '#libs/calls';
import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { upcast } from '#libs/platform';
import { batchMemo, withNames } from '#libs/projections';
import { NeedsAssessment } from '../../needs-assessment/needs-assessment.aggregate.js';
import type { NeedsAssessmentEvent } from '../../needs-assessment/needs-assessment.events.js';
import type { NeedsAssessmentState } from '../../needs-assessment/needs-assessment.types.js';
import { NA_ORG_NAMES, NEEDS_ASSESSMENTS_SCHEMA } from './needs-assessments.schema.js';

export const NEEDS_ASSESSMENT_EVENT_TYPES = Object.keys(NeedsAssessment.eventTypes) as Array<NeedsAssessmentEvent['type']>;
const CALL_EVENT_TYPES = Object.keys(Call.eventTypes);

/**
 * Needs assessments for owners (own and network), governors (their office) and the ministry. The row keeps the
 * aggregate's folded state (the aggregate's own `evolve`, so the read model cannot drift from the rules), plus
 * columns to filter on; every submitted or amended version is kept whole in `na_versions` (R21). The calls' own
 * events (CallOpened, CallDeadlineExtended) give each call's current deadline in `na_calls`.
 */
export const needsAssessmentsProjection = withNames(
  {
    name: 'needs_assessments',
    version: 4,
    schema: NEEDS_ASSESSMENTS_SCHEMA,
    handles: [...NEEDS_ASSESSMENT_EVENT_TYPES, ...CALL_EVENT_TYPES],
    async apply(stored, sql) {
      if (CALL_EVENT_TYPES.includes(stored.type)) return applyCallEvent(stored, sql);
      const e = upcast(NeedsAssessment, stored);
      const s = await writeAssessment(sql, stored, e);
      await applyDetails(sql, stored, e, s);
    },
    /** The folded states of every assessment of the run, in one query. */
    async prefetch(events, sql) {
      const ids = [
        ...new Set(events.filter((e) => !CALL_EVENT_TYPES.includes(e.type)).map((e) => upcast(NeedsAssessment, e).data.assessmentId)),
      ];
      if (ids.length === 0) return;
      const memo = states(sql);
      for (const id of ids) memo.set(id, null);
      const r = await sql.query<{ assessment_id: string; state: StoredState }>(
        'SELECT assessment_id, state FROM na_assessments WHERE assessment_id = ANY($1::text[])',
        [ids],
      );
      for (const row of r.rows) memo.set(row.assessment_id, parsed(row.state));
    },
  },
  NA_ORG_NAMES,
);

async function applyCallEvent(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(Call, stored);
  await sql.query(`INSERT INTO na_calls (call_id, deadline) VALUES ($1, $2) ON CONFLICT (call_id) DO UPDATE SET deadline = $2`, [
    e.data.callId,
    e.data.deadline,
  ]);
}

type StoredState = NeedsAssessmentState | string;
const parsed = (state: StoredState): NeedsAssessmentState =>
  typeof state === 'string' ? (JSON.parse(state) as NeedsAssessmentState) : state;
/** Each assessment's folded state as this run of events left it (null: none yet). */
const states = (sql: Sql) => batchMemo<NeedsAssessmentState | null>(sql, 'na_states');

/** The assessment's row: its state folded one event further. */
async function writeAssessment(sql: Sql, stored: StoredEvent, e: NeedsAssessmentEvent): Promise<NeedsAssessmentState> {
  const id = e.data.assessmentId;
  const memo = states(sql);
  let prior = memo.get(id);
  if (prior === undefined) {
    const row = (await sql.query<{ state: StoredState }>('SELECT state FROM na_assessments WHERE assessment_id = $1', [id])).rows[0];
    prior = row ? parsed(row.state) : null;
  }
  const s = NeedsAssessment.decider.evolve(prior ?? NeedsAssessment.decider.initialState, e);
  memo.set(id, s);
  await sql.query(
    `INSERT INTO na_assessments (assessment_id, call_id, office, scheme, year, lead_owner, title, status, revision, versions, late, warnings, state, created_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15)
     ON CONFLICT (assessment_id) DO UPDATE SET title = $7, status = $8, revision = $9, versions = $10, late = $11, warnings = $12::jsonb, state = $13::jsonb, version = $15`,
    [
      id,
      s.callId,
      s.office,
      s.scheme,
      s.year,
      s.leadOwner,
      s.content.title,
      s.status,
      s.revision,
      s.versions,
      s.late,
      JSON.stringify(s.warnings),
      JSON.stringify(s),
      stored.metadata.recordedAt,
      stored.streamVersion,
    ],
  );
  return s;
}

/** Members, measures, versions and the withdrawal reason. */
async function applyDetails(sql: Sql, stored: StoredEvent, e: NeedsAssessmentEvent, s: NeedsAssessmentState): Promise<void> {
  const id = e.data.assessmentId;
  const at = stored.metadata.recordedAt;
  switch (e.type) {
    case 'NeedsAssessmentDrafted':
      await sql.query(`INSERT INTO na_members (assessment_id, org, role) VALUES ($1, $2, 'lead')`, [id, s.leadOwner]);
      return;
    case 'NetworkOwnerInvited':
      await sql.query(`INSERT INTO na_members (assessment_id, org, role) VALUES ($1, $2, 'network')`, [id, e.data.org]);
      return;
    case 'OwnerPartConfirmed':
      await sql.query('UPDATE na_members SET confirmed_revision = $3 WHERE assessment_id = $1 AND org = $2', [
        id,
        e.data.org,
        e.data.revision,
      ]);
      return;
    case 'MeasureAdded':
    case 'MeasureRevised':
    case 'MeasureLinesSet':
    case 'UniversityPartnerReplaced':
      await writeMeasures(sql, s);
      return;
    case 'NeedsAssessmentSubmitted':
    case 'NeedsAssessmentAmended': {
      const submitted = e.type === 'NeedsAssessmentSubmitted';
      await sql.query(
        `INSERT INTO na_versions (assessment_id, version_no, kind, late, submitted_on, deadline, reason, snapshot, warnings, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)`,
        [
          id,
          e.data.version,
          submitted ? 'submitted' : 'amended',
          submitted ? e.data.late : s.late,
          e.data.submittedOn,
          e.data.deadline,
          submitted ? null : e.data.reason,
          JSON.stringify(e.data.snapshot),
          JSON.stringify(e.data.warnings),
          at,
        ],
      );
      if (submitted) await sql.query('UPDATE na_assessments SET submitted_at = $2 WHERE assessment_id = $1', [id, at]);
      return;
    }
    case 'NeedsAssessmentWithdrawn':
      await sql.query('UPDATE na_assessments SET withdrawn_reason = $2 WHERE assessment_id = $1', [id, e.data.reason]);
      return;
    default:
      return;
  }
}

async function writeMeasures(sql: Sql, s: NeedsAssessmentState): Promise<void> {
  for (const m of s.measures) {
    await sql.query(
      `INSERT INTO na_measures (measure_id, assessment_id, title, university_org, university_local, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (measure_id) DO UPDATE SET title = $3, university_org = $4, university_local = $5, data = $6::jsonb`,
      [m.measureId, s.assessmentId, m.title, m.university?.org ?? null, m.university?.local ?? null, JSON.stringify(m)],
    );
  }
}
