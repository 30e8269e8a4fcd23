import type { Sql } from '#libs/db';
import { queryPage, type Page, type PageRequest, type SortKey } from '#libs/http';
import { AccessPolicy, type Actor } from '#libs/kernel';
import { officeNameSql } from '#libs/projections';
import { PARTNERSHIP_ORG_NAMES as names } from './partnerships.schema.js';
import type { PartnershipView } from './partnerships.view.js';

/**
 * Every (measure, university) pair: the measure's current partner (a request, perhaps answered) and every university
 * that answered before (a decline stays visible after the owner named another). Only this read model's own tables.
 */
const SELECT = `SELECT u.measure_id AS "measureId", m.brief->>'title' AS "measureTitle", m.assessment_id AS "assessmentId", a.call_id AS "callId",
    a.office, ${officeNameSql('a.office')} AS "officeName", a.lead_owner AS "leadOwner", ${names.nameOf('a.lead_owner')} AS "leadOwnerName",
    a.status AS "assessmentStatus", u.university, ${names.nameOf('u.university')} AS "universityName", (m.university_org = u.university) AS current,
    CASE WHEN m.university_org = u.university THEN m.university_local END AS local,
    COALESCE(p.status, 'requested') AS status, p.reason AS "declineReason", p.explanation, p.competence_areas AS "competenceAreas",
    p.capacity_hours_per_year AS "capacityHoursPerYear", p.from_year AS "fromYear", p.to_year AS "toYear", p.contact_role AS "contactRole",
    COALESCE(p.subcontractors, '[]'::jsonb) AS subcontractors, COALESCE(p.subcontractor_share, 0) AS "subcontractorSharePercent",
    COALESCE(p.warnings, '[]'::jsonb) AS warnings, m.brief AS measure, COALESCE(p.version, 0) AS version
  FROM (SELECT measure_id, university_org AS university FROM pt_measures WHERE university_org IS NOT NULL
        UNION SELECT measure_id, university_org FROM pt_partnerships) u
  JOIN pt_measures m ON m.measure_id = u.measure_id
  JOIN pt_assessments a ON a.assessment_id = m.assessment_id
  LEFT JOIN pt_partnerships p ON p.measure_id = u.measure_id AND p.university_org = u.university`;

/** The pairs `where` picks that the actor may see (R20, in SQL: a university its own, a governor its office's). */
function visible(actor: Actor, where: string, params: unknown[]) {
  const scope = AccessPolicy.canSeeSql(actor, { office: 'a.office', orgs: 'ARRAY[u.university]' }, params.length + 1);
  return { select: `${SELECT} ${where ? `${where} AND` : 'WHERE'} ${scope.sql}`, params: [...params, ...scope.params] };
}

/** Every visible pair `where` picks (no paging: one partnership, or a university's committed capacity). */
export async function visiblePartnerships(sql: Sql, actor: Actor, where: string, params: unknown[]): Promise<PartnershipView[]> {
  const q = visible(actor, where, params);
  return (await sql.query<PartnershipView>(q.select, q.params)).rows;
}

const KEY: SortKey[] = [
  { expr: '"callId"', type: 'text' },
  { expr: '"measureId"', type: 'text' },
  { expr: 'university', type: 'text' },
];

/** A page of the visible pairs `where` picks, by call, measure and university. */
export async function partnershipsPage(
  sql: Sql,
  actor: Actor,
  where: string,
  params: unknown[],
  page: PageRequest,
): Promise<Page<PartnershipView>> {
  const q = visible(actor, where, params);
  return queryPage<PartnershipView>(sql, page, { ...q, key: KEY });
}

/** The university a query is about: a university reads its own; a governor or the ministry names one. */
export function universityOf(actor: Actor, given: string | undefined): string {
  if (actor.role === 'university') return actor.org;
  if (!given) AccessPolicy.assertRole(actor, ['university'], 'read without naming the university (?university=)');
  return given!;
}

export const READ = ['partnerships'];
