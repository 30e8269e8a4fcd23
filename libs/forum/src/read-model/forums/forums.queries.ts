import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, NotFoundError, type Actor, type Clock } from '#libs/kernel';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { Forum } from '../../forum/forum.aggregate.js';
import { iso, json } from '../sql-values.js';
import {
  FORUM_SELECT,
  forumRow,
  forumsWithMembers,
  MEMBER_SELECT,
  ACTIVE_ON,
  toMember,
  type ForumRow,
  type MemberRow,
} from './forum-rows.js';
import type { ForumView, MeetingView, MemberView } from './forums.view.js';

export class ListForums {
  constructor(
    readonly actor: Actor,
    readonly filter: { office?: string; on?: string },
    readonly asOf?: number,
  ) {}
}
export class GetForum {
  constructor(
    readonly actor: Actor,
    readonly forumId: string,
    readonly on: string | undefined,
    readonly asOf?: number,
  ) {}
}
export class ListForumMembers {
  constructor(
    readonly actor: Actor,
    readonly forumId: string,
    readonly on: string | undefined,
    readonly asOf?: number,
  ) {}
}
export class ListForumMeetings {
  constructor(
    readonly actor: Actor,
    readonly forumId: string,
    readonly asOf?: number,
  ) {}
}
export class GetForumHistory {
  constructor(
    readonly actor: Actor,
    readonly forumId: string,
    readonly asOf?: number,
  ) {}
}

/** R20: the ministry reads every forum, a governor its office's; nobody else reads forums. */
export const assertForumReader = (actor: Actor, office: string, what: string) => AccessPolicy.assertCanSee(actor, { office }, what);

/** The offices an actor may list (null: all); a governor asking for another office is refused (R20). */
export function officeScope(actor: Actor, office: string | undefined): string | null {
  if (office) AccessPolicy.assertCanSee(actor, { office }, `the forums of governor office ${office}`);
  return actor.role === 'governor' ? actor.office! : (office ?? null);
}

@QueryHandler(ListForums)
export class ListForumsHandler implements IQueryHandler<ListForums, ForumView[]> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, filter, asOf }: ListForums) {
    const office = officeScope(actor, filter.office);
    const on = filter.on ?? this.clock.today();
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const rows = (
        await sql.query<ForumRow>(`${FORUM_SELECT} WHERE ($1::text IS NULL OR office = $1) ORDER BY office, forum_id`, [office])
      ).rows;
      return forumsWithMembers(sql, rows, on);
    });
  }
}

@QueryHandler(GetForum)
export class GetForumHandler implements IQueryHandler<GetForum, Versioned<ForumView>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, forumId, on, asOf }: GetForum) {
    const view = await this.readModels.run(['forum'], asOf, async (sql) => {
      const row = await forumRow(sql, forumId);
      if (!row) return undefined;
      assertForumReader(actor, row.office, `forum ${forumId}`);
      return (await forumsWithMembers(sql, [row], on ?? this.clock.today()))[0];
    });
    if (!view) throw new NotFoundError('forum', forumId);
    return new Versioned(view, view.version);
  }
}

@QueryHandler(ListForumMembers)
export class ListForumMembersHandler implements IQueryHandler<ListForumMembers, MemberView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, forumId, on, asOf }: ListForumMembers) {
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const row = await forumRow(sql, forumId);
      if (!row) throw new NotFoundError('forum', forumId);
      assertForumReader(actor, row.office, `forum ${forumId}`);
      const rows = on
        ? (await sql.query<MemberRow>(`${MEMBER_SELECT} WHERE forum_id = $1 AND ${ACTIVE_ON} ORDER BY member_id`, [forumId, on])).rows
        : (await sql.query<MemberRow>(`${MEMBER_SELECT} WHERE forum_id = $1 ORDER BY joined_on, member_id`, [forumId])).rows;
      return rows.map(toMember);
    });
  }
}

@QueryHandler(ListForumMeetings)
export class ListForumMeetingsHandler implements IQueryHandler<ListForumMeetings, MeetingView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, forumId, asOf }: ListForumMeetings) {
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const row = await forumRow(sql, forumId);
      if (!row) throw new NotFoundError('forum', forumId);
      assertForumReader(actor, row.office, `forum ${forumId}`);
      const rows = (
        await sql.query<MeetingView>(
          `SELECT meeting_id AS "meetingId", to_char(date, 'YYYY-MM-DD') AS date, agenda, minutes_summary AS "minutesSummary", present, recorded_at AS "recordedAt"
           FROM forum_meetings WHERE forum_id = $1 ORDER BY date, meeting_id`,
          [forumId],
        )
      ).rows;
      return rows.map((m) => ({
        ...m,
        agenda: json<string[]>(m.agenda),
        present: json<string[]>(m.present),
        recordedAt: iso(m.recordedAt),
      }));
    });
  }
}

@QueryHandler(GetForumHistory)
export class GetForumHistoryHandler implements IQueryHandler<GetForumHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, forumId, asOf }: GetForumHistory) {
    const history = await this.readModels.existingHistory('forum', forumId, Forum.streamOf(forumId), asOf);
    assertForumReader(actor, (history[0].data as { office: string }).office, `forum ${forumId}`);
    return history;
  }
}
