import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { ORGANISATION_NAMES } from '#libs/organisations';
import { namesTable, withNames } from '#libs/projections';
import { upcast } from '#libs/platform';
import { YrkesfagFrame, type YrkesfagEvent } from '../../county-frame/county-frame.aggregate.js';

/**
 * The county's own planning of YRKESFAG (R24): its forum over time and meetings, the needs of schools and
 * training companies, measures with provider and money, the plan's priorities, and spending with the
 * participants reached per target group. `version` is the county stream's version.
 */
export const plansSchema = `
    CREATE TABLE yfp_counties (county text PRIMARY KEY, version integer NOT NULL);
    CREATE TABLE yfp_members (
      county text NOT NULL, member_id text NOT NULL, org_number text, name text NOT NULL, category text NOT NULL,
      joined_on date NOT NULL, left_on date, left_reason text, PRIMARY KEY (county, member_id)
    );
    CREATE TABLE yfp_meetings (
      county text NOT NULL, meeting_id text NOT NULL, date date NOT NULL, agenda jsonb NOT NULL, minutes_summary text NOT NULL,
      present jsonb NOT NULL, PRIMARY KEY (county, meeting_id)
    );
    CREATE TABLE yfp_needs (
      county text NOT NULL, need_id text NOT NULL, year integer NOT NULL, from_org text NOT NULL, source text NOT NULL,
      target_groups jsonb NOT NULL, programme_areas jsonb NOT NULL, description text NOT NULL, PRIMARY KEY (county, need_id)
    );
    CREATE TABLE yfp_measures (
      county text NOT NULL, measure_id text NOT NULL, year integer NOT NULL, title text NOT NULL, provider_kind text NOT NULL,
      provider_org text, provider_name text NOT NULL, target_groups jsonb NOT NULL, programme_areas jsonb NOT NULL, need_ids jsonb NOT NULL,
      amount bigint NOT NULL, priority integer, PRIMARY KEY (county, measure_id)
    );
    CREATE TABLE yfp_plans (
      county text NOT NULL, year integer NOT NULL, revision integer NOT NULL, adopted_on date NOT NULL, planned_total bigint NOT NULL,
      reason text, PRIMARY KEY (county, year)
    );
    CREATE TABLE yfp_spending (
      county text NOT NULL, spending_id text NOT NULL, year integer NOT NULL, measure_id text NOT NULL, amount bigint NOT NULL, spent_on date NOT NULL,
      vocational_teachers integer NOT NULL, instructors integer NOT NULL, professional_leaders integer NOT NULL, examination_board_members integer NOT NULL,
      PRIMARY KEY (county, spending_id)
    );`;

async function applyForum(e: YrkesfagEvent, sql: Sql): Promise<void> {
  switch (e.type) {
    case 'YrkesfagForumMemberJoined':
      await sql.query(
        `INSERT INTO yfp_members (county, member_id, org_number, name, category, joined_on) VALUES ($1, $2, $3, $4, $5, $6)`,
        [e.data.county, e.data.memberId, e.data.orgNumber, e.data.name, e.data.category, e.data.joinedOn],
      );
      return;
    case 'YrkesfagForumMemberLeft':
      await sql.query(`UPDATE yfp_members SET left_on = $3, left_reason = $4 WHERE county = $1 AND member_id = $2`, [
        e.data.county,
        e.data.memberId,
        e.data.leftOn,
        e.data.reason,
      ]);
      return;
    case 'YrkesfagForumMeetingRecorded':
      await sql.query(
        `INSERT INTO yfp_meetings (county, meeting_id, date, agenda, minutes_summary, present) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          e.data.county,
          e.data.meetingId,
          e.data.date,
          JSON.stringify(e.data.agenda),
          e.data.minutesSummary,
          JSON.stringify(e.data.present),
        ],
      );
      return;
    default:
      await applyPlan(e, sql);
  }
}

async function applyPlan(e: YrkesfagEvent, sql: Sql): Promise<void> {
  switch (e.type) {
    case 'YrkesfagNeedRecorded': {
      const d = e.data;
      await sql.query(
        `INSERT INTO yfp_needs (county, need_id, year, from_org, source, target_groups, programme_areas, description) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [d.county, d.needId, d.year, d.fromOrg, d.source, JSON.stringify(d.targetGroups), JSON.stringify(d.programmeAreas), d.description],
      );
      return;
    }
    case 'YrkesfagMeasureRecorded': {
      const d = e.data;
      await sql.query(
        `INSERT INTO yfp_measures (county, measure_id, year, title, provider_kind, provider_org, provider_name, target_groups, programme_areas, need_ids, amount)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          d.county,
          d.measureId,
          d.year,
          d.title,
          d.provider.kind,
          d.provider.orgNumber,
          d.provider.name,
          JSON.stringify(d.targetGroups),
          JSON.stringify(d.programmeAreas),
          JSON.stringify(d.needIds),
          d.amount,
        ],
      );
      return;
    }
    case 'YrkesfagPlanAdopted': {
      const d = e.data;
      for (const l of d.lines)
        await sql.query(`UPDATE yfp_measures SET amount = $3, priority = $4 WHERE county = $1 AND measure_id = $2`, [
          d.county,
          l.measureId,
          l.amount,
          l.priority,
        ]);
      await sql.query(
        `INSERT INTO yfp_plans (county, year, revision, adopted_on, planned_total, reason) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (county, year) DO UPDATE SET revision = EXCLUDED.revision, adopted_on = EXCLUDED.adopted_on, planned_total = EXCLUDED.planned_total, reason = EXCLUDED.reason`,
        [d.county, d.year, d.revision, d.adoptedOn, d.plannedTotal, d.reason],
      );
      return;
    }
    case 'YrkesfagSpendingRecorded': {
      const d = e.data;
      const p = d.participants;
      await sql.query(
        `INSERT INTO yfp_spending (county, spending_id, year, measure_id, amount, spent_on, vocational_teachers, instructors, professional_leaders, examination_board_members)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          d.county,
          d.spendingId,
          d.year,
          d.measureId,
          d.amount,
          d.spentOn,
          p.vocational_teachers,
          p.instructors,
          p.professional_leaders,
          p.examination_board_members,
        ],
      );
      return;
    }
    default:
      return; // Udir's ledger events: only the version moves
  }
}

/** The names of the schools and companies needs come from, from the organisation events (as of then). */
export const PLAN_ORG_NAMES = namesTable('yfp_org_names', ORGANISATION_NAMES);

export const yrkesfagPlansProjection = withNames(
  {
    name: 'yrkesfag_plans',
    version: 3,
    schema: plansSchema,
    handles: Object.keys(YrkesfagFrame.eventTypes),
    async apply(stored: StoredEvent, sql: Sql) {
      const e = upcast(YrkesfagFrame, stored);
      await sql.query(
        `INSERT INTO yfp_counties (county, version) VALUES ($1, $2) ON CONFLICT (county) DO UPDATE SET version = EXCLUDED.version`,
        [e.data.county, stored.streamVersion],
      );
      await applyForum(e, sql);
    },
  },
  PLAN_ORG_NAMES,
);
