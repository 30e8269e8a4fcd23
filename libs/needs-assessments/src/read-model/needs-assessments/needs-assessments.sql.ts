import type { Sql } from '#libs/db';
import { queryPage, type Page, type PageRequest, type SortKey } from '#libs/http';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import { officeNameSql } from '#libs/projections';
import { NA_ORG_NAMES as names } from './needs-assessments.schema.js';
import type { AssessmentSummaryView } from './needs-assessments.view.js';

export const parseJson = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * The summary of an assessment, from this read model's own tables only (the call's deadline from `na_calls`, the
 * organisations' names from `na_org_names`); `createdAt` is only its sort key.
 */
export const SUMMARY = `SELECT a.assessment_id AS "assessmentId", a.call_id AS "callId", a.office, ${officeNameSql('a.office')} AS "officeName",
  a.scheme, a.year, a.lead_owner AS "leadOwner", ${names.nameOf('a.lead_owner')} AS "leadOwnerName",
  (SELECT COALESCE(jsonb_agg(jsonb_build_object('org', n.org, 'name', ${names.nameOf('n.org')}) ORDER BY n.org), '[]'::jsonb)
     FROM na_members n WHERE n.assessment_id = a.assessment_id AND n.role <> 'lead') AS "networkMembers",
  a.title, a.status, (SELECT count(*) FROM na_members n WHERE n.assessment_id = a.assessment_id) > 1 AS network, a.late, a.versions,
  a.warnings, (SELECT to_char(c.deadline, 'YYYY-MM-DD') FROM na_calls c WHERE c.call_id = a.call_id) AS deadline,
  a.submitted_at AS "submittedAt", a.version, a.created_at AS "createdAt" FROM na_assessments a`;

/** The read models the needs-assessment queries read: only its own. */
export const READ = ['needs_assessments'];

/** The summaries `where` selects (params from $1) that the actor may see (R20: members, the office's governor, the ministry). */
function visible(actor: Actor, where: string, params: unknown[]) {
  const members = 'ARRAY(SELECT m.org FROM na_members m WHERE m.assessment_id = a.assessment_id)';
  const scope = AccessPolicy.canSeeSql(actor, { office: 'a.office', orgs: members }, params.length + 1);
  return {
    select: `${SUMMARY} ${where ? `${where} AND` : 'WHERE'} ${scope.sql}`,
    params: [...params, ...scope.params],
    hide: ['createdAt'],
  };
}

export async function visibleSummaries(sql: Sql, actor: Actor, where: string, params: unknown[]): Promise<AssessmentSummaryView[]> {
  const q = visible(actor, where, params);
  return (await sql.query<AssessmentSummaryView & { createdAt?: string }>(q.select, q.params)).rows.map(
    ({ createdAt: _, ...summary }) => summary,
  );
}

/** A page of the visible summaries `where` selects, in the order of `key` (unique: it ends with the assessment id). */
export function summariesPage(
  sql: Sql,
  actor: Actor,
  where: string,
  params: unknown[],
  key: SortKey[],
  page: PageRequest,
): Promise<Page<AssessmentSummaryView>> {
  return queryPage<AssessmentSummaryView>(sql, page, { ...visible(actor, where, params), key });
}

/** One summary; 404 when the actor may not see it, so another owner's assessment does not reveal that it exists (R20). */
export async function visibleSummaryOrNotFound(sql: Sql, actor: Actor, assessmentId: string): Promise<AssessmentSummaryView> {
  const [summary] = await visibleSummaries(sql, actor, 'WHERE a.assessment_id = $1', [assessmentId]);
  if (!summary) throw new NotFoundError('needs assessment', assessmentId);
  return summary;
}
