import { Call } from '#libs/calls';
import { sourceOf } from './source.js';

/** The call's office, scheme, year and rule set (the rule set of a row without a decision). */
export const callEvents = sourceOf(Call, {
  async CallOpened(e, sql) {
    await sql.query(
      `INSERT INTO ex_calls (call_id, office, scheme, year, rule_set_version) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [e.data.callId, e.data.office, e.data.scheme, e.data.year, e.data.ruleSetVersion],
    );
  },
});
