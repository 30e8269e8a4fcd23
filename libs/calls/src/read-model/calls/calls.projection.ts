import type { Projection } from '#libs/projections';
import { upcast } from '#libs/platform';
import { Call } from '../../call/call.aggregate.js';

/** Every call, for every authenticated user. */
export const callsProjection: Projection = {
  name: 'calls',
  version: 2,
  schema: `
    CREATE TABLE calls (
      call_id text PRIMARY KEY,
      office text NOT NULL,
      scheme text NOT NULL,
      year integer NOT NULL,
      title text NOT NULL,
      deadline date NOT NULL,
      decision_date date NOT NULL,
      rule_set_version text NOT NULL,
      deadline_extensions integer NOT NULL DEFAULT 0,
      opened_at timestamptz NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX calls_by_office ON calls (office, year);`,
  handles: Object.keys(Call.eventTypes),
  async apply(stored, sql) {
    const e = upcast(Call, stored);
    switch (e.type) {
      case 'CallOpened':
        await sql.query(
          `INSERT INTO calls (call_id, office, scheme, year, title, deadline, decision_date, rule_set_version, opened_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            e.data.callId,
            e.data.office,
            e.data.scheme,
            e.data.year,
            e.data.title,
            e.data.deadline,
            e.data.decisionDate,
            e.data.ruleSetVersion,
            stored.metadata.recordedAt,
            stored.streamVersion,
          ],
        );
        return;
      case 'CallDeadlineExtended':
        await sql.query(`UPDATE calls SET deadline = $2, deadline_extensions = deadline_extensions + 1, version = $3 WHERE call_id = $1`, [
          e.data.callId,
          e.data.deadline,
          stored.streamVersion,
        ]);
        return;
    }
  },
};
