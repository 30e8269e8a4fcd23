import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, NotFoundError, type Actor, type Clock } from '#libs/kernel';
import { historyPage, Page, queryPage, type PageRequest } from '#libs/http';
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
    readonly page: PageRequest,
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
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class ListForumMeetings {
  constructor(
    readonly actor: Actor,
    readonly forumId: string,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetForumHistory {
  constructor(
    readonly actor: Actor,
    readonly forumId: string,
    readonly page: PageRequest,
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
export class ListForumsHandler implements IQueryHandler<ListForums, Page<ForumView>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, filter, page, asOf }: ListForums) {
    const office = officeScope(actor, filter.office);
    const on = filter.on ?? this.clock.today();
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const rows = await queryPage<ForumRow>(sql, page, {
        select: `${FORUM_SELECT} WHERE ($1::text IS NULL OR office = $1)`,
        params: [office],
        key: [
          { expr: 'office', type: 'text' },
          { expr: 'forum_id', type: 'text' },
        ],
      });
      return new Page(await forumsWithMembers(sql, rows.items, on), rows.next);
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
export class ListForumMembersHandler implements IQueryHandler<ListForumMembers, Page<MemberView>> {
  constructor(private readonly readModels: ReadModels) {}

  /** Those on a date by member id; all over time by the date they joined, then member id. */
  execute({ actor, forumId, on, page, asOf }: ListForumMembers) {
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const row = await forumRow(sql, forumId);
      if (!row) throw new NotFoundError('forum', forumId);
      assertForumReader(actor, row.office, `forum ${forumId}`);
      const byId = { expr: '"memberId"', type: 'text' } as const;
      const rows = on
        ? await queryPage<MemberRow>(sql, page, {
            select: `${MEMBER_SELECT} WHERE forum_id = $1 AND ${ACTIVE_ON}`,
            params: [forumId, on],
            key: [byId],
          })
        : await queryPage<MemberRow>(sql, page, {
            select: `${MEMBER_SELECT} WHERE forum_id = $1`,
            params: [forumId],
            key: [{ expr: '"joinedOn"', type: 'text' }, byId],
          });
      return rows.map(toMember);
    });
  }
}

@QueryHandler(ListForumMeetings)
export class ListForumMeetingsHandler implements IQueryHandler<ListForumMeetings, Page<MeetingView>> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, forumId, page, asOf }: ListForumMeetings) {
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const row = await forumRow(sql, forumId);
      if (!row) throw new NotFoundError('forum', forumId);
      assertForumReader(actor, row.office, `forum ${forumId}`);
      const rows = await queryPage<MeetingView>(sql, page, {
        select: `SELECT meeting_id AS "meetingId", to_char(date, 'YYYY-MM-DD') AS date, agenda, minutes_summary AS "minutesSummary", present,
            recorded_at AS "recordedAt" FROM forum_meetings WHERE forum_id = $1`,
        params: [forumId],
        key: [
          { expr: 'date', type: 'text' },
          { expr: '"meetingId"', type: 'text' },
        ],
      });
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
export class GetForumHistoryHandler implements IQueryHandler<GetForumHistory, Page<HistoryEntry>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, forumId, page, asOf }: GetForumHistory) {
    const history = await this.readModels.existingHistory('forum', forumId, Forum.streamOf(forumId), asOf);
    assertForumReader(actor, (history[0].data as { office: string }).office, `forum ${forumId}`);
    return historyPage(history, page);
  }
}
