import type { Sql } from '#libs/db';
import { GOVERNOR_OFFICES, officeByCode } from '#libs/reference-data';
import { TODO_ORG_NAMES } from './todos.names.js';
import { day, openReports, reportAbout, reportLink, rows, type Candidate, type ListContext } from './recipient-items.js';

/** Measures of a call still waiting for a decision: the recommended ones if the forum recommended, else every submitted one. */
const PENDING = `
  SELECT a.call_id, m.measure_id FROM wl_measures m JOIN wl_assessments a USING (assessment_id)
  WHERE a.status IN ('submitted', 'amended')
    AND NOT EXISTS (SELECT 1 FROM wl_grants g WHERE g.measure_id = m.measure_id)
    AND (NOT EXISTS (SELECT 1 FROM wl_recommended r WHERE r.call_id = a.call_id)
         OR EXISTS (SELECT 1 FROM wl_recommended r WHERE r.call_id = a.call_id AND r.measure_id = m.measure_id))`;

interface CallRow {
  callId: string;
  title: string;
  decisionDate: string;
  assessments: number;
  late: number;
  pending: string[];
}

/** R14: per call, the inbox until the decision date, then the decisions past it (while measures wait). */
async function calls(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const found = await rows<CallRow>(
    sql,
    `SELECT k.call_id AS "callId", k.title, ${day('k.decision_date')} AS "decisionDate",
       (SELECT count(*)::int FROM wl_assessments a WHERE a.call_id = k.call_id AND a.status IN ('submitted', 'amended')) AS assessments,
       (SELECT count(*)::int FROM wl_assessments a WHERE a.call_id = k.call_id AND a.status IN ('submitted', 'amended') AND a.late) AS late,
       ARRAY(SELECT p.measure_id FROM (${PENDING}) p WHERE p.call_id = k.call_id ORDER BY p.measure_id) AS pending
     FROM wl_calls k WHERE k.office = $1 ORDER BY k.decision_date, k.call_id`,
    [c.office],
  );
  return found
    .filter((k) => k.pending.length > 0)
    .map((k) => {
      const past = c.today > k.decisionDate;
      const about = { callId: k.callId, title: k.title, assessments: k.assessments, late: k.late, undecidedMeasures: k.pending };
      return past
        ? { kind: 'decide_past_decision_date', about, due: k.decisionDate, link: `/grants` }
        : { kind: 'review_inbox', about, due: k.decisionDate, link: `/needs-assessments/inbox?callId=${encodeURIComponent(k.callId)}` };
    });
}

/** R13: an open recommendation draft, with the parts each of its measures still lacks. */
async function drafts(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const found = await rows<{ id: string; callId: string; measures: Array<{ measureId: string; missing: string[] }> }>(
    sql,
    `SELECT d.recommendation_id AS id, d.call_id AS "callId",
       COALESCE((SELECT jsonb_agg(jsonb_build_object('measureId', x.measure_id, 'missing', x.missing) ORDER BY x.measure_id)
                 FROM wl_draft_measures x WHERE x.recommendation_id = d.recommendation_id), '[]'::jsonb) AS measures
     FROM wl_drafts d WHERE d.office = $1 AND d.open ORDER BY d.recommendation_id`,
    [c.office],
  );
  return found.map((d) => ({
    kind: 'complete_recommendation',
    about: {
      recommendationId: d.id,
      callId: d.callId,
      measures: d.measures.length,
      missingParts: d.measures.filter((m) => m.missing.length > 0),
    },
    due: null,
    link: `/recommendation-drafts/${d.id}`,
  }));
}

/** R15: the office's reports past their deadline. */
async function overdueReports(sql: Sql, where: string, params: unknown[]): Promise<Candidate[]> {
  const found = await openReports(sql, where, params);
  return found.map((r) => ({ kind: 'report_overdue', about: reportAbout(r), due: r.deadline, link: reportLink(r) }));
}

/** R7: a report documented less co-financing than the minimum: claim back, or approve. */
async function shortfalls(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const found = await rows<{ grantId: string; year: number; recipientOrg: string; recipientName: string | null; missing: number }>(
    sql,
    `SELECT grant_id AS "grantId", year, recipient_org AS "recipientOrg", ${TODO_ORG_NAMES.nameOf('recipient_org')} AS "recipientName",
       shortfall::int AS missing
     FROM wl_reports WHERE office = $1 AND shortfall_open ORDER BY grant_id, year`,
    [c.office],
  );
  return found.map((r) => ({
    kind: 'co_financing_shortfall',
    about: {
      grantId: r.grantId,
      year: r.year,
      recipientOrg: r.recipientOrg,
      recipientName: r.recipientName,
      coFinancingMissing: r.missing,
    },
    due: null,
    link: `/grants/${r.grantId}/repayment-claims`,
  }));
}

/** R23: appeals waiting for the governor (lodged) or, forwarded, for Udir. */
async function appeals(sql: Sql, where: string, params: unknown[], forUdir: boolean): Promise<Candidate[]> {
  const found = await rows<{
    id: string;
    grantId: string;
    office: string;
    appellant: string;
    name: string | null;
    lodgedOn: string;
    late: boolean;
  }>(
    sql,
    `SELECT appeal_id AS id, grant_id AS "grantId", office, appellant_org AS appellant, ${TODO_ORG_NAMES.nameOf('appellant_org')} AS name,
       ${day('lodged_on')} AS "lodgedOn", late
     FROM wl_appeals WHERE ${where} ORDER BY lodged_on, appeal_id`,
    params,
  );
  return found.map((a) => ({
    kind: forUdir ? 'decide_appeal' : 'reconsider_appeal',
    about: {
      ...{ appealId: a.id, grantId: a.grantId, office: a.office },
      ...{ appellantOrg: a.appellant, appellantName: a.name, lodgedOn: a.lodgedOn, late: a.late },
    },
    due: null,
    link: `/appeals/${a.id}/${forUdir ? 'decision' : 'reconsideration'}`,
  }));
}

/** A governor office's list. */
export async function governorItems(sql: Sql, c: ListContext): Promise<Candidate[]> {
  return [
    ...(await calls(sql, c)),
    ...(await drafts(sql, c)),
    ...(await overdueReports(sql, `r.office = $1 AND r.deadline < $2::date`, [c.office, c.today])),
    ...(await shortfalls(sql, c)),
    ...(await appeals(sql, `office = $1 AND status = 'lodged'`, [c.office], false)),
  ];
}

/** The ministry: every office without a frame for a scheme and year that has frames or a call, then overdue reports per office. */
async function missingFrames(sql: Sql): Promise<Candidate[]> {
  const years = await rows<{ scheme: string; year: number; offices: string[] }>(
    sql,
    `SELECT y.scheme, y.year, ARRAY(SELECT f.office FROM wl_frames f WHERE f.scheme = y.scheme AND f.year = y.year) AS offices
     FROM (SELECT scheme, year FROM wl_frames UNION SELECT scheme, year FROM wl_calls) y ORDER BY y.year, y.scheme`,
    [],
  );
  return years.flatMap((y) =>
    GOVERNOR_OFFICES.filter((o) => !y.offices.includes(o.code)).map((o): Candidate => ({
      kind: 'set_frame',
      about: { office: o.code, officeName: o.name, scheme: y.scheme, year: y.year },
      due: null,
      link: '/frames',
    })),
  );
}

async function officeReports(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const overdue = await openReports(sql, `r.source = 'grant' AND r.deadline < $1::date`, [c.today]);
  const byOffice = new Map<string, typeof overdue>();
  for (const r of overdue) byOffice.set(r.office!, [...(byOffice.get(r.office!) ?? []), r]);
  return [...byOffice].map(([office, list]) => ({
    kind: 'office_reports_overdue',
    about: { office, officeName: officeByCode(office)?.name ?? null, reports: list.length, reportIds: list.map((r) => r.reportId) },
    due: list[0].deadline,
    link: `/governor/overview?office=${office}`,
  }));
}

/** The ministry's (Udir's) list: frames to set, offices' overdue reports, YRKESFAG reports overdue, appeals forwarded. */
export async function ministryItems(sql: Sql, c: ListContext): Promise<Candidate[]> {
  return [
    ...(await missingFrames(sql)),
    ...(await officeReports(sql, c)),
    ...(await overdueReports(sql, `r.source = 'yrkesfag' AND r.deadline < $1::date`, [c.today])),
    ...(await appeals(sql, `status = 'forwarded'`, [], true)),
  ];
}
