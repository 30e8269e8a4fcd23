import type { Sql } from '#libs/db';
import { TARGET_GROUPS, noParticipants, type Participants, type ProviderKind } from '../../county-frame/reference.js';
import { json, num } from '../sql-values.js';
import { PLAN_ORG_NAMES } from './plans.projection.js';
import type { MeasureView, NeedView, PlanView } from './plans.view.js';

interface MeasureRow {
  measure_id: string;
  title: string;
  provider_kind: ProviderKind;
  provider_org: string | null;
  provider_name: string;
  target_groups: unknown;
  programme_areas: unknown;
  need_ids: unknown;
  amount: unknown;
  priority: number | null;
}

type SpendingSums = Record<(typeof TARGET_GROUPS)[number] | 'amount', unknown> & { measure_id: string };

const participantsOf = (row: Partial<SpendingSums> | undefined): Participants =>
  Object.fromEntries(TARGET_GROUPS.map((g) => [g, num(row?.[g])])) as Participants;

function measureView(m: MeasureRow, spending: SpendingSums | undefined): MeasureView {
  return {
    measureId: m.measure_id,
    title: m.title,
    provider: { kind: m.provider_kind, orgNumber: m.provider_org, name: m.provider_name },
    targetGroups: json<string[]>(m.target_groups),
    programmeAreas: json<string[]>(m.programme_areas),
    needIds: json<string[]>(m.need_ids),
    amount: num(m.amount),
    priority: m.priority,
    spent: num(spending?.amount),
    participants: participantsOf(spending),
  };
}

/** The county's plan for a year: measures by priority with money, spending and participants, and the year's needs. */
export async function planOf(sql: Sql, county: string, year: number, version: number): Promise<PlanView> {
  const measures = (
    await sql.query<MeasureRow>(`SELECT * FROM yfp_measures WHERE county = $1 AND year = $2 ORDER BY priority NULLS LAST, measure_id`, [
      county,
      year,
    ])
  ).rows;
  const sums = (
    await sql.query<SpendingSums>(
      `SELECT measure_id, sum(amount) AS amount, ${TARGET_GROUPS.map((g) => `sum(${g}) AS ${g}`).join(', ')} FROM yfp_spending WHERE county = $1 AND year = $2 GROUP BY measure_id`,
      [county, year],
    )
  ).rows;
  const plan = (
    await sql.query<{ revision: number; adopted_on: string; reason: string | null }>(
      `SELECT revision, to_char(adopted_on, 'YYYY-MM-DD') AS adopted_on, reason FROM yfp_plans WHERE county = $1 AND year = $2`,
      [county, year],
    )
  ).rows[0];
  const needs = (
    await sql.query<NeedView>(
      `SELECT need_id AS "needId", from_org AS "fromOrg", ${PLAN_ORG_NAMES.nameOf('from_org')} AS "fromOrgName", source, target_groups AS "targetGroups", programme_areas AS "programmeAreas", description
       FROM yfp_needs WHERE county = $1 AND year = $2 ORDER BY need_id`,
      [county, year],
    )
  ).rows.map((n) => ({ ...n, targetGroups: json<string[]>(n.targetGroups), programmeAreas: json<string[]>(n.programmeAreas) }));
  const views = measures.map((m) =>
    measureView(
      m,
      sums.find((s) => s.measure_id === m.measure_id),
    ),
  );
  const participants = noParticipants();
  for (const v of views) for (const g of TARGET_GROUPS) participants[g] += v.participants[g];
  return {
    county,
    year,
    version,
    planRevision: plan?.revision ?? 0,
    adoptedOn: plan?.adopted_on ?? null,
    reason: plan?.reason ?? null,
    planned: views.reduce((s, m) => s + m.amount, 0),
    spent: views.reduce((s, m) => s + m.spent, 0),
    participants,
    measures: views,
    needs,
  };
}
