import type { Sql } from '#libs/db';
import { TODO_ORG_NAMES } from './todos.names.js';
import type { About, TodoKind } from './todos.view.js';

/** An item before the day decides whether it is overdue. */
export interface Candidate {
  kind: TodoKind;
  about: About;
  due: string | null;
  link: string;
}

export interface ListContext {
  org: string;
  office: string | null;
  today: string;
  /** R26: how many days before its deadline a report shows as due (the reminders' setting). */
  leadDays: number;
}

export const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
export const rows = async <T>(sql: Sql, text: string, params: unknown[]) => (await sql.query<T>(text, params)).rows;

/** R10: a network owner's own part of the current revision (before submitting or amending), not confirmed yet; due by the call's deadline. */
async function networkParts(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const found = await rows<{ id: string; title: string; callId: string; revision: number; due: string | null }>(
    sql,
    `SELECT a.assessment_id AS id, a.title, a.call_id AS "callId", a.revision, ${day('k.deadline')} AS due
     FROM wl_network_owners n JOIN wl_assessments a USING (assessment_id) LEFT JOIN wl_calls k ON k.call_id = a.call_id
     WHERE n.org = $1 AND a.status <> 'withdrawn' AND n.confirmed_revision IS DISTINCT FROM a.revision`,
    [c.org],
  );
  return found.map((r) => ({
    kind: 'confirm_network_part',
    about: { assessmentId: r.id, title: r.title, callId: r.callId, revision: r.revision },
    due: r.due,
    link: `/needs-assessments/${r.id}/confirmations`,
  }));
}

/** R3: a measure that names this university as partner, not answered (and its assessment not withdrawn). */
async function partnershipRequests(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const found = await rows<{
    measureId: string;
    title: string;
    assessmentId: string;
    leadOwner: string;
    leadOwnerName: string | null;
    callId: string;
  }>(
    sql,
    `SELECT m.measure_id AS "measureId", m.title, a.assessment_id AS "assessmentId", a.lead_owner AS "leadOwner",
       ${TODO_ORG_NAMES.nameOf('a.lead_owner')} AS "leadOwnerName", a.call_id AS "callId"
     FROM wl_measures m JOIN wl_assessments a USING (assessment_id)
     WHERE m.university_org = $1 AND a.status <> 'withdrawn'
       AND NOT EXISTS (SELECT 1 FROM wl_partnership_answers p WHERE p.measure_id = m.measure_id AND p.university_org = $1)`,
    [c.org],
  );
  return found.map((r) => ({
    kind: 'answer_partnership',
    about: {
      ...{ measureId: r.measureId, measureTitle: r.title, assessmentId: r.assessmentId },
      ...{ leadOwner: r.leadOwner, leadOwnerName: r.leadOwnerName, callId: r.callId },
    },
    due: null,
    link: `/partnerships/${r.measureId}`,
  }));
}

/** R7/R8: a decided grant to accept, and (a school owner's, DEKOMP) the co-financing to commit with it. */
async function grantsToAccept(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const found = await rows<{ grantId: string; measureId: string; measureTitle: string | null; callId: string; required: number }>(
    sql,
    `SELECT g.grant_id AS "grantId", g.measure_id AS "measureId", m.title AS "measureTitle", g.call_id AS "callId",
       g.co_financing_required::int AS required
     FROM wl_grants g LEFT JOIN wl_measures m ON m.measure_id = g.measure_id
     WHERE g.recipient_org = $1 AND g.active AND NOT g.accepted`,
    [c.org],
  );
  return found.flatMap((r) => {
    const about = { grantId: r.grantId, measureId: r.measureId, measureTitle: r.measureTitle, callId: r.callId };
    const link = `/grants/${r.grantId}/acceptance`;
    const accept: Candidate = { kind: 'accept_grant', about, due: null, link };
    if (r.required === 0) return [accept];
    return [accept, { kind: 'commit_co_financing', about: { ...about, coFinancingRequired: r.required }, due: null, link }];
  });
}

export interface OpenReportRow {
  reportId: string;
  source: 'grant' | 'yrkesfag';
  grantId: string | null;
  scheme: string;
  year: number;
  recipientOrg: string;
  recipientName: string | null;
  office: string | null;
  deadline: string;
  measureTitle: string | null;
}

/**
 * R15/R26: reports not submitted yet: a grant's (active and accepted, so there is something to report) and a
 * county municipality's YRKESFAG report. `where` narrows them (parameters from $1).
 */
export async function openReports(sql: Sql, where: string, params: unknown[]): Promise<OpenReportRow[]> {
  return rows<OpenReportRow>(
    sql,
    `SELECT r.report_id AS "reportId", r.source, r.grant_id AS "grantId", r.scheme, r.year, r.recipient_org AS "recipientOrg",
       COALESCE(r.recipient_name, ${TODO_ORG_NAMES.nameOf('r.recipient_org')}) AS "recipientName", r.office, ${day('r.deadline')} AS deadline, m.title AS "measureTitle"
     FROM wl_reports r LEFT JOIN wl_grants g ON g.grant_id = r.grant_id LEFT JOIN wl_measures m ON m.measure_id = g.measure_id
     WHERE NOT r.submitted AND (r.source = 'yrkesfag' OR (g.active AND g.accepted)) AND ${where}
     ORDER BY r.deadline, r.report_id`,
    params,
  );
}

export const reportLink = (r: OpenReportRow) =>
  r.source === 'grant' ? `/grants/${r.grantId}/reports` : `/yrkesfag/counties/${r.recipientOrg}/reports/${r.year}`;

export const reportAbout = (r: OpenReportRow): About => ({
  reportId: r.reportId,
  scheme: r.scheme,
  year: r.year,
  recipientOrg: r.recipientOrg,
  recipientName: r.recipientName,
  ...(r.grantId ? { grantId: r.grantId, measureTitle: r.measureTitle } : {}),
});

/** R26: a recipient's reports from `leadDays` before their deadline on (and after it, overdue). */
async function reportsDue(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const found = await openReports(sql, `r.recipient_org = $1 AND r.deadline - $2::int <= $3::date`, [c.org, c.leadDays, c.today]);
  return found.map((r) => ({ kind: 'submit_report', about: reportAbout(r), due: r.deadline, link: reportLink(r) }));
}

/** R22/R23: three weeks to appeal from each letter, while the recipient has not appealed it. */
async function appealWindows(sql: Sql, c: ListContext): Promise<Candidate[]> {
  const found = await rows<{ grantId: string; n: number; kind: string; date: string; due: string; measureTitle: string | null }>(
    sql,
    `SELECT l.grant_id AS "grantId", l.n, l.kind, ${day('l.date')} AS date, ${day('l.date + 21')} AS due, m.title AS "measureTitle"
     FROM wl_letters l JOIN wl_grants g USING (grant_id) LEFT JOIN wl_measures m ON m.measure_id = g.measure_id
     WHERE g.recipient_org = $1 AND l.date <= $2::date AND l.date + 21 >= $2::date
       AND NOT EXISTS (SELECT 1 FROM wl_appeals p WHERE p.grant_id = l.grant_id AND p.letter_n = l.n AND p.appellant_org = $1)
     ORDER BY l.date, l.grant_id, l.n`,
    [c.org, c.today],
  );
  return found.map((r) => ({
    kind: 'appeal_window',
    about: { grantId: r.grantId, letter: r.n, letterKind: r.kind, letterDate: r.date, measureTitle: r.measureTitle },
    due: r.due,
    link: `/appeals`,
  }));
}

/** A school owner's or a university's list. */
export async function recipientItems(sql: Sql, c: ListContext, role: 'school_owner' | 'university'): Promise<Candidate[]> {
  const first = role === 'school_owner' ? await networkParts(sql, c) : await partnershipRequests(sql, c);
  return [...first, ...(await grantsToAccept(sql, c)), ...(await reportsDue(sql, c)), ...(await appealWindows(sql, c))];
}
