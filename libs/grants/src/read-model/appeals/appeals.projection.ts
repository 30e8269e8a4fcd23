import { withNames } from '#libs/projections';
import { upcast } from '#libs/platform';
import { Appeal, APPEAL_EVENT_TYPES } from '../../appeal/appeal.aggregate.js';
import { APPEAL_MEASURE_TITLES, APPEAL_ORG_NAMES } from './appeals.read.js';

/** Appeals (R23), one row each: for the appellant's list, the governor's overview of open appeals, the ministry. */
export const appealsProjection = withNames(
  {
    name: 'appeals',
    version: 3,
    schema: `
    CREATE TABLE ap_appeals (
      appeal_id text PRIMARY KEY,
      grant_id text NOT NULL,
      office text NOT NULL,
      scheme text NOT NULL,
      measure_id text NOT NULL,
      recipient_org text NOT NULL,
      appellant_org text NOT NULL,
      standing text NOT NULL,
      letter_n integer NOT NULL,
      letter_kind text NOT NULL,
      letter_date date NOT NULL,
      case_number text NOT NULL,
      grounds text NOT NULL,
      lodged_on date NOT NULL,
      deadline date NOT NULL,
      late boolean NOT NULL,
      status text NOT NULL,
      governor_outcome text,
      udir_outcome text,
      reason text,
      remedy_grant_id text,
      reconsidered_on date,
      forwarded_on date,
      decided_on date,
      version integer NOT NULL
    );
    CREATE INDEX ap_appeals_by_office ON ap_appeals (office, status);
    CREATE INDEX ap_appeals_by_grant ON ap_appeals (grant_id);
    CREATE INDEX ap_appeals_by_appellant ON ap_appeals (appellant_org);`,
    handles: APPEAL_EVENT_TYPES,
    async apply(stored, sql) {
      const e = upcast(Appeal, stored);
      const v = stored.streamVersion;
      switch (e.type) {
        case 'AppealLodged': {
          const d = e.data;
          await sql.query(
            `INSERT INTO ap_appeals (appeal_id, grant_id, office, scheme, measure_id, recipient_org, appellant_org, standing, letter_n, letter_kind, letter_date,
             case_number, grounds, lodged_on, deadline, late, status, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'lodged', $17)`,
            [
              d.appealId,
              d.grantId,
              d.office,
              d.scheme,
              d.measureId,
              d.recipientOrg,
              d.appellantOrg,
              d.standing,
              d.letter.n,
              d.letter.kind,
              d.letter.date,
              d.letter.caseNumber,
              d.grounds,
              d.lodgedOn,
              d.deadline,
              d.late,
              v,
            ],
          );
          return;
        }
        case 'AppealReconsidered':
          await sql.query(
            `UPDATE ap_appeals SET status = $2, governor_outcome = $2, reason = $3, remedy_grant_id = $4, reconsidered_on = $5, version = $6 WHERE appeal_id = $1`,
            [...[e.data.appealId, e.data.outcome, e.data.reason, e.data.remedy?.grantId ?? null, e.data.reconsideredOn], v],
          );
          return;
        case 'AppealForwarded':
          await sql.query(`UPDATE ap_appeals SET status = 'forwarded', forwarded_on = $2, version = $3 WHERE appeal_id = $1`, [
            e.data.appealId,
            e.data.forwardedOn,
            v,
          ]);
          return;
        case 'AppealDecided':
          await sql.query(
            `UPDATE ap_appeals SET status = $2, udir_outcome = $2, reason = $3, remedy_grant_id = COALESCE($4, remedy_grant_id), decided_on = $5, version = $6 WHERE appeal_id = $1`,
            [...[e.data.appealId, e.data.outcome, e.data.reason, e.data.remedy?.grantId ?? null, e.data.decidedOn], v],
          );
          return;
      }
    },
  },
  APPEAL_ORG_NAMES,
  APPEAL_MEASURE_TITLES,
);
