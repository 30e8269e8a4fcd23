import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import { ReadModels, Versioned } from '#libs/platform';
import { FORUM_CATEGORIES } from '../../county-frame/reference.js';
import { json } from '../sql-values.js';
import { planOf } from './plan-rows.js';
import type { CountyForumView, CountyMeetingView, CountyMemberView, PlanView } from './plans.view.js';

export class GetYrkesfagPlan {
  constructor(
    readonly actor: Actor,
    readonly county: string,
    readonly year: number,
    readonly asOf?: number,
  ) {}
}
export class GetYrkesfagForum {
  constructor(
    readonly actor: Actor,
    readonly county: string,
    readonly asOf?: number,
  ) {}
}

/** R20: Udir sees every county's plan; a county municipality only its own. */
const assertSees = (actor: Actor, county: string) => AccessPolicy.assertCanSee(actor, { orgs: [county] }, `the YRKESFAG plan of ${county}`);

const versionOf = async (sql: Parameters<typeof planOf>[0], county: string) =>
  (await sql.query<{ version: number }>(`SELECT version FROM yfp_counties WHERE county = $1`, [county])).rows[0]?.version;

@QueryHandler(GetYrkesfagPlan)
export class GetYrkesfagPlanHandler implements IQueryHandler<GetYrkesfagPlan, Versioned<PlanView>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, county, year, asOf }: GetYrkesfagPlan) {
    assertSees(actor, county);
    const view = await this.readModels.run(['yrkesfag_plans'], asOf, async (sql) => {
      const version = await versionOf(sql, county);
      return version === undefined ? undefined : planOf(sql, county, year, version);
    });
    if (!view) throw new NotFoundError('YRKESFAG county', county);
    return new Versioned(view, view.version);
  }
}

@QueryHandler(GetYrkesfagForum)
export class GetYrkesfagForumHandler implements IQueryHandler<GetYrkesfagForum, Versioned<CountyForumView>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, county, asOf }: GetYrkesfagForum) {
    assertSees(actor, county);
    const view = await this.readModels.run(['yrkesfag_plans'], asOf, async (sql): Promise<CountyForumView | undefined> => {
      const version = await versionOf(sql, county);
      if (version === undefined) return undefined;
      const members = (
        await sql.query<CountyMemberView>(
          `SELECT member_id AS "memberId", org_number AS "orgNumber", name, category, to_char(joined_on, 'YYYY-MM-DD') AS "joinedOn", to_char(left_on, 'YYYY-MM-DD') AS "leftOn",
         left_reason AS "leftReason" FROM yfp_members WHERE county = $1 ORDER BY joined_on, member_id`,
          [county],
        )
      ).rows;
      const meetings = (
        await sql.query<CountyMeetingView>(
          `SELECT meeting_id AS "meetingId", to_char(date, 'YYYY-MM-DD') AS date, agenda, minutes_summary AS "minutesSummary", present FROM yfp_meetings WHERE county = $1 ORDER BY date, meeting_id`,
          [county],
        )
      ).rows.map((m) => ({ ...m, agenda: json<string[]>(m.agenda), present: json<string[]>(m.present) }));
      const membersByCategory = Object.fromEntries(
        FORUM_CATEGORIES.map((c) => [c, members.filter((m) => m.category === c && m.leftOn === null).length]),
      );
      return { county, version, membersByCategory, members, meetings };
    });
    if (!view) throw new NotFoundError('YRKESFAG county', county);
    return new Versioned(view, view.version);
  }
}
