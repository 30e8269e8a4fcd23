import type { Sql } from '#libs/db';
import { NeedsAssessment, type AssessmentSnapshot } from '#libs/needs-assessments';
import { ensureRow } from './rows.js';
import { ignore, sourceOf } from './source.js';

type SnapshotMeasure = AssessmentSnapshot['measures'][number];
type Amounts = { requested: number; coordinator: number; planned: number };

async function upsertMeasure(sql: Sql, assessmentId: string, m: SnapshotMeasure): Promise<void> {
  await sql.query(
    `INSERT INTO ex_measures (measure_id, assessment_id, title, description, schools, teachers, leaders, other_staff, start_year, span_years, university_org, university_local)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (measure_id) DO UPDATE SET title = $3, description = $4, schools = $5, teachers = $6, leaders = $7, other_staff = $8,
       start_year = $9, span_years = $10, university_org = $11, university_local = $12`,
    [
      m.measureId,
      assessmentId,
      m.title,
      m.description,
      m.schools.length,
      m.participants.teachers,
      m.participants.leaders,
      m.participants.otherStaff,
      m.startYear,
      m.spanYears,
      m.university?.org ?? null,
      m.university?.local ?? null,
    ],
  );
}

/** An owner's (or university's) budget and co-financing lines summed per year. */
function amountsPerYear(lines: SnapshotMeasure['lines'][string]): Map<number, Amounts> {
  const perYear = new Map<number, Amounts>();
  const at = (y: number) => perYear.get(y) ?? perYear.set(y, { requested: 0, coordinator: 0, planned: 0 }).get(y)!;
  for (const b of lines.budget) {
    at(b.year).requested += b.amount;
    if (b.category === 'coordinator') at(b.year).coordinator += b.amount;
  }
  for (const c of lines.coFinancing) at(c.year).planned += c.amount;
  return perYear;
}

/** The submitted (or amended) version of an assessment: its content, measures and requested money (R3–R10). */
async function writeSnapshot(sql: Sql, assessmentId: string, snap: AssessmentSnapshot): Promise<void> {
  const a = (
    await sql.query<{ office: string; scheme: string }>('SELECT office, scheme FROM ex_assessments WHERE assessment_id = $1', [
      assessmentId,
    ])
  ).rows[0];
  const themes = [...snap.content.themes.goals, ...snap.content.themes.tags].join(';');
  await sql.query('UPDATE ex_assessments SET title = $2, themes = $3, network = $4, lead_owner = $5 WHERE assessment_id = $1', [
    assessmentId,
    snap.content.title,
    themes,
    snap.coOwners.length > 0,
    snap.leadOwner,
  ]);
  const ids = snap.measures.map((m) => m.measureId);
  // An amendment may drop lines: what is no longer requested counts 0 (the row stays: it may carry money).
  await sql.query('UPDATE ex_rows SET requested = 0, coordinator = 0, planned_co_financing = 0 WHERE measure_id = ANY($1::text[])', [ids]);
  for (const m of snap.measures) {
    await upsertMeasure(sql, assessmentId, m);
    for (const [org, lines] of Object.entries(m.lines)) {
      for (const [year, v] of amountsPerYear(lines)) {
        await ensureRow(sql, m.measureId, org, year, a?.office ?? null, a?.scheme ?? null);
        await sql.query(
          'UPDATE ex_rows SET requested = $4, coordinator = $5, planned_co_financing = $6 WHERE measure_id = $1 AND recipient_org = $2 AND year = $3',
          [m.measureId, org, year, v.requested, v.coordinator, v.planned],
        );
      }
    }
  }
}

/** Needs assessments and their measures (R3–R10, R14). Drafts do not reach the export: the submitted snapshot carries content and network. */
export const needsAssessmentEvents = sourceOf(NeedsAssessment, {
  async NeedsAssessmentDrafted({ data: d }, sql) {
    await sql.query(
      `INSERT INTO ex_assessments (assessment_id, call_id, office, scheme, year, rule_set_version, lead_owner, title, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft') ON CONFLICT DO NOTHING`,
      [d.assessmentId, d.callId, d.office, d.scheme, d.year, d.ruleSetVersion, d.leadOwner, d.title],
    );
  },
  NeedsAssessmentContentUpdated: ignore,
  NetworkOwnerInvited: ignore,
  async NeedsAssessmentSubmitted({ data: d }, sql) {
    await sql.query(`UPDATE ex_assessments SET status = 'submitted', late = $2, submitted_on = $3 WHERE assessment_id = $1`, [
      d.assessmentId,
      d.late,
      d.submittedOn,
    ]);
    await writeSnapshot(sql, d.assessmentId, d.snapshot);
  },
  async NeedsAssessmentAmended({ data: d }, sql) {
    await sql.query(`UPDATE ex_assessments SET status = 'amended' WHERE assessment_id = $1`, [d.assessmentId]);
    await writeSnapshot(sql, d.assessmentId, d.snapshot);
  },
  async NeedsAssessmentWithdrawn({ data: d }, sql) {
    await sql.query(`UPDATE ex_assessments SET status = 'withdrawn' WHERE assessment_id = $1`, [d.assessmentId]);
  },
});
