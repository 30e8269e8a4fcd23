import type { Sql } from '#libs/db';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import type { AssessmentSummaryView } from './needs-assessments.view.js';

export const parseJson = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The summary of an assessment, from this read model's own tables only (the call's deadline from `na_calls`). */
export const SUMMARY = `SELECT a.assessment_id AS "assessmentId", a.call_id AS "callId", a.office, a.scheme, a.year, a.lead_owner AS "leadOwner",
  a.title, a.status, (SELECT count(*) FROM na_members n WHERE n.assessment_id = a.assessment_id) > 1 AS network, a.late, a.versions,
  a.warnings, (SELECT to_char(c.deadline, 'YYYY-MM-DD') FROM na_calls c WHERE c.call_id = a.call_id) AS deadline,
  a.submitted_at AS "submittedAt", a.version,
  (SELECT COALESCE(jsonb_agg(n.org), '[]'::jsonb) FROM na_members n WHERE n.assessment_id = a.assessment_id) AS "memberOrgs" FROM na_assessments a`;

/** The read models the needs-assessment queries read: only its own. */
export const READ = ['needs_assessments'];

type Row = AssessmentSummaryView & { memberOrgs: string[] | string };

/** R20 (AccessPolicy): the members, the governor of the office and the ministry see an assessment. */
const visible = (actor: Actor, r: Row) => AccessPolicy.canSee(actor, { orgs: parseJson(r.memberOrgs), office: r.office });

/** The summaries the actor may see among those the condition selects (params from $1). */
export async function visibleSummaries(sql: Sql, actor: Actor, where: string, params: unknown[]): Promise<AssessmentSummaryView[]> {
  const rows = (await sql.query<Row>(`${SUMMARY} ${where}`, params)).rows;
  return rows.filter((r) => visible(actor, r)).map(({ memberOrgs: _members, ...summary }) => summary);
}

/** One summary; 404 when the actor may not see it, so another owner's assessment does not reveal that it exists (R20). */
export async function visibleSummaryOrNotFound(sql: Sql, actor: Actor, assessmentId: string): Promise<AssessmentSummaryView> {
  const [summary] = await visibleSummaries(sql, actor, 'WHERE a.assessment_id = $1', [assessmentId]);
  if (!summary) throw new NotFoundError('needs assessment', assessmentId);
  return summary;
}
