import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { upcast } from '#libs/platform';
import { YRKESFAG_EVENT_TYPES, YrkesfagFrame, yrkesfagExportRows, type YrkesfagEvent } from '#libs/yrkesfag';
import type { EventSource } from './source.js';

/**
 * YRKESFAG (R24): the county municipality is the grant holder, one row per measure × year. A county's rows are a
 * function of all its events (the paid share of a measure is the year's payments split by plan), so the export
 * keeps the county's events and recomputes its rows with the YRKESFAG capability's own `yrkesfagExportRows`.
 */
async function recompute(sql: Sql, county: string): Promise<void> {
  const events = (
    await sql.query<{ type: string; data: unknown }>(`SELECT type, data FROM ex_yf_events WHERE county = $1 ORDER BY position`, [county])
  ).rows.map((e) => ({ type: e.type, data: typeof e.data === 'string' ? JSON.parse(e.data) : e.data }) as YrkesfagEvent);
  const adopted = new Map<number, string>();
  for (const e of events) if (e.type === 'YrkesfagPlanAdopted') adopted.set(e.data.year, e.data.adoptedOn);
  await sql.query(`DELETE FROM ex_rows WHERE scheme = 'YRKESFAG' AND recipient_org = $1`, [county]);
  for (const r of yrkesfagExportRows(events)) {
    const decidedOn = adopted.get(r.year) ?? null;
    await sql.query(
      `INSERT INTO ex_measures (measure_id, assessment_id, title, description, schools, teachers, leaders, other_staff, start_year, span_years)
       VALUES ($1, '', $2, '', 0, 0, 0, 0, $3, 1)
       ON CONFLICT (measure_id) DO UPDATE SET title = EXCLUDED.title, start_year = EXCLUDED.start_year`,
      [r.measureId, r.title, r.year],
    );
    await sql.query(
      `INSERT INTO ex_rows (measure_id, recipient_org, year, scheme, grant_id, decision_year, decision_status, decision_basis, granted, decided_on,
         rule_set_version, recipient_kind, paid, spent, unspent, repaid, report_deadline, report_status, report_submitted_on, report_late,
         evaluation, reported_participants, provider_kind, provider_org)
       VALUES ($1, $2, $3, 'YRKESFAG', $4, $3, $5, 'county_plan', $6, $7, $8, 'county_municipality', $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        r.measureId,
        county,
        r.year,
        `YRKESFAG.${county}.${r.year}.${r.measureId}`,
        decidedOn ? 'active' : 'planned',
        r.planned,
        decidedOn,
        r.ruleSetVersion,
        r.paid,
        r.spent,
        r.unspent,
        r.repaid,
        r.reportDeadline,
        r.reportSubmittedOn ? 'submitted' : 'due',
        r.reportSubmittedOn,
        r.reportLate,
        r.evaluation,
        Object.entries(r.participants ?? {})
          .map(([group, n]) => `${group}:${String(n)}`)
          .join(';'),
        r.providerKind,
        r.providerOrg,
      ],
    );
  }
}

/** Every YRKESFAG event: kept for its county, whose rows are then recomputed. */
export const yrkesfagEvents: EventSource = {
  types: Object.keys(YRKESFAG_EVENT_TYPES),
  async apply(stored: StoredEvent, sql: Sql) {
    const e = upcast<YrkesfagEvent>(YrkesfagFrame, stored);
    const county = e.data.county;
    await sql.query(`INSERT INTO ex_yf_events (county, position, type, data) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      county,
      stored.globalPosition,
      e.type,
      JSON.stringify(e.data),
    ]);
    await recompute(sql, county);
  },
};
