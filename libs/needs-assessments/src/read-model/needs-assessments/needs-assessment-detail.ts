import type { Sql } from '#libs/db';
import type { Actor } from '#libs/kernel';
import type { NeedsAssessmentState } from '../../needs-assessment/needs-assessment.types.js';
import { NA_ORG_NAMES } from './needs-assessments.schema.js';
import { parseJson, visibleSummaryOrNotFound } from './needs-assessments.sql.js';
import type { AssessmentDetailView } from './needs-assessments.view.js';

type Member = { org: string; name: string | null; role: string; confirmedRevision: number | null };

/** What the detail of one assessment is made of, read in one snapshot of the read model (404 when not visible). */
export async function loadDetail(sql: Sql, actor: Actor, assessmentId: string) {
  const summary = await visibleSummaryOrNotFound(sql, actor, assessmentId);
  const row = (
    await sql.query<{ state: NeedsAssessmentState | string; withdrawn_reason: string | null }>(
      'SELECT state, withdrawn_reason FROM na_assessments WHERE assessment_id = $1',
      [assessmentId],
    )
  ).rows[0];
  const members = (
    await sql.query<Member>(
      `SELECT org, ${NA_ORG_NAMES.nameOf('org')} AS name, role, confirmed_revision AS "confirmedRevision" FROM na_members WHERE assessment_id = $1 ORDER BY role, org`,
      [assessmentId],
    )
  ).rows;
  const versionList = (
    await sql.query<AssessmentDetailView['versionList'][number]>(
      `SELECT version_no AS "versionNo", kind, late, to_char(submitted_on, 'YYYY-MM-DD') AS "submittedOn", reason, recorded_at AS "recordedAt"
       FROM na_versions WHERE assessment_id = $1 ORDER BY version_no`,
      [assessmentId],
    )
  ).rows;
  const state = parseJson(row.state);
  const universities = await NA_ORG_NAMES.lookup(
    sql,
    state.measures.flatMap((m) => (m.university ? [m.university.org] : [])),
  );
  return { summary, state, withdrawnReason: row.withdrawn_reason, members, versionList, universities };
}
