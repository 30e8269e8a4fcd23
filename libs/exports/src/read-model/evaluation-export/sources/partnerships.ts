import type { Sql } from '#libs/db';
import { Partnership } from '#libs/partnerships';
import { sourceOf } from './source.js';

async function setStatus(sql: Sql, measureId: string, university: string, status: 'committed' | 'declined'): Promise<void> {
  await sql.query(
    `INSERT INTO ex_partnerships (measure_id, university, status) VALUES ($1, $2, $3)
     ON CONFLICT (measure_id, university) DO UPDATE SET status = $3`,
    [measureId, university, status],
  );
}

/** The university partner's answer and its subcontractors (R2, R3). */
export const partnershipEvents = sourceOf(Partnership, {
  PartnershipCommitted: ({ data }, sql) => setStatus(sql, data.measureId, data.university, 'committed'),
  PartnershipDeclined: ({ data }, sql) => setStatus(sql, data.measureId, data.university, 'declined'),
  async SubcontractorAdded({ data }, sql) {
    const s = data.subcontractor;
    await sql.query(`UPDATE ex_partnerships SET subcontractors = subcontractors || $3::jsonb WHERE measure_id = $1 AND university = $2`, [
      data.measureId,
      data.university,
      JSON.stringify([{ orgNumber: s.orgNumber, name: s.name, sharePercent: s.sharePercent }]),
    ]);
  },
});
