import type { Sql } from '#libs/db';
import { Appeal } from '#libs/grants';
import { sourceOf } from './source.js';

async function setAppeal(sql: Sql, appealId: string, status: string, outcomeOn: string | null): Promise<void> {
  await sql.query(`UPDATE ex_appeals SET status = $2, outcome_on = COALESCE($3::date, outcome_on) WHERE appeal_id = $1`, [
    appealId,
    status,
    outcomeOn,
  ]);
}

/**
 * Appeals (klage, R23): lodged, reconsidered by the governor, forwarded to and decided by Udir. Kept per appeal and
 * joined with the appellant's rows (measure × appellant) at query time, so an owner that got nothing and is granted
 * money on appeal shows its appeal too.
 */
export const appealEvents = sourceOf(Appeal, {
  async AppealLodged({ data: d }, sql) {
    await sql.query(
      `INSERT INTO ex_appeals (appeal_id, measure_id, appellant_org, lodged_on, late, status) VALUES ($1, $2, $3, $4, $5, 'lodged')
       ON CONFLICT DO NOTHING`,
      [d.appealId, d.measureId, d.appellantOrg, d.lodgedOn, d.late],
    );
  },
  async AppealReconsidered({ data: d }, sql) {
    const upheld = d.outcome === 'upheld';
    await setAppeal(sql, d.appealId, upheld ? 'upheld_by_governor' : d.outcome, upheld ? null : d.reconsideredOn);
  },
  async AppealForwarded({ data: d }, sql) {
    await setAppeal(sql, d.appealId, 'forwarded', null);
  },
  async AppealDecided({ data: d }, sql) {
    await setAppeal(sql, d.appealId, `udir_${d.outcome}`, d.decidedOn);
  },
});
