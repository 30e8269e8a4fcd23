import type { Sql } from '#libs/db';
import { AccessPolicy, type Actor } from '#libs/kernel';
import type { PartnershipView } from './partnerships.view.js';

/**
 * Every (measure, university) pair: the measure's current partner (a request, perhaps answered) and every university
 * that answered before (a decline stays visible after the owner named another). Only this read model's own tables.
 */
const SELECT = `SELECT u.measure_id AS "measureId", m.assessment_id AS "assessmentId", a.call_id AS "callId", a.office, a.lead_owner AS "leadOwner",
    a.status AS "assessmentStatus", u.university, (m.university_org = u.university) AS current,
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

/** R20 (AccessPolicy): a university sees its own pairs, a governor its office's, the ministry all. */
export async function visiblePartnerships(sql: Sql, actor: Actor, where: string, params: unknown[]): Promise<PartnershipView[]> {
  const rows = (await sql.query<PartnershipView>(`${SELECT} ${where}`, params)).rows;
  return rows.filter((r) => AccessPolicy.canSee(actor, { orgs: [r.university], office: r.office }));
}

/** The university a query is about: a university reads its own; a governor or the ministry names one. */
export function universityOf(actor: Actor, given: string | undefined): string {
  if (actor.role === 'university') return actor.org;
  if (!given) AccessPolicy.assertRole(actor, ['university'], 'read without naming the university (?university=)');
  return given!;
}

export const READ = ['partnerships'];
