import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ForbiddenError, NotFoundError, ORGANISATION_DIRECTORY, type Actor, type OrganisationDirectory } from '#libs/kernel';
import type { Sql } from '#libs/db';
import { ReadModels, withETag, type HistoryEntry, type HttpResult, type Warning } from '#libs/platform';
import { MEMBER_CATEGORIES, REQUIRED_CATEGORIES, type MemberCategory } from '../domain/categories.js';
import { forumStream } from '../domain/forum.decider.js';
import { recommendationStream, type RecommendedMeasure, type Vote } from '../domain/recommendation.decider.js';

// ---------- Views ----------
export interface MemberView {
  memberId: string;
  orgNumber: string | null;
  name: string;
  category: MemberCategory;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
  warnings: Warning[];
}

export interface ForumView {
  forumId: string;
  office: string;
  name: string;
  counties: string[];
  createdAt: string;
  version: number;
  /** The date the membership figures are for. */
  on: string;
  membersByCategory: Record<MemberCategory, number>;
  /** R11: required categories without a member on that date. */
  missingCategories: MemberCategory[];
  members: MemberView[];
}

export interface MeetingView {
  meetingId: string;
  date: string;
  agenda: string[];
  minutesSummary: string;
  present: string[];
  recordedAt: string;
}

export interface MembershipRow {
  office: string;
  forumId: string;
  category: MemberCategory;
  members: number;
}

export interface RecommendationView {
  recommendationId: string;
  forumId: string;
  office: string;
  callId: string;
  revision: number;
  status: 'recorded' | 'published' | 'withdrawn';
  published: boolean;
  outcome: string;
  meetingId: string;
  meetingDate: string;
  presentMembers: number;
  vote: Vote | null;
  measures: RecommendedMeasure[];
  note: string | null;
  warnings: Warning[];
  firstRecordedAt: string;
  recordedAt: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  version: number;
}

export interface RevisionView {
  revision: number;
  kind: 'recorded' | 'amended';
  outcome: string;
  meetingId: string;
  meetingDate: string;
  presentMembers: number;
  vote: Vote | null;
  measures: RecommendedMeasure[];
  note: string | null;
  warnings: Warning[];
  reason: string | null;
  recordedAt: string;
}

// ---------- Helpers ----------
const today = () => new Date().toISOString().slice(0, 10);
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));

/** Ministry: everything; governor: its office (R20). Others do not read forums. */
function assertForumReader(actor: Actor, office: string, what: string) {
  if (actor.role === 'ministry') return;
  if (actor.role === 'governor' && actor.office === office) return;
  throw new ForbiddenError(`${what} belongs to governor office ${office}; ${actor.role === 'governor' ? `you act for office ${actor.office}` : `role ${actor.role} does not read forums`}`);
}

const MEMBER_SELECT = `SELECT forum_id, member_id AS "memberId", org_number AS "orgNumber", name, category, to_char(joined_on, 'YYYY-MM-DD') AS "joinedOn",
  to_char(left_on, 'YYYY-MM-DD') AS "leftOn", left_reason AS "leftReason", warnings FROM forum_members`;
const ACTIVE_ON = `joined_on <= $2::date AND (left_on IS NULL OR left_on > $2::date)`;

type MemberRow = MemberView & { forum_id: string };
const toMember = ({ forum_id: _f, ...m }: MemberRow): MemberView => ({ ...m, warnings: json<Warning[]>(m.warnings) });

function summarise(f: { forum_id: string; office: string; name: string; counties: unknown; created_at: unknown; version: number }, members: MemberView[], on: string): ForumView {
  const membersByCategory = Object.fromEntries(MEMBER_CATEGORIES.map((c) => [c, 0])) as Record<MemberCategory, number>;
  for (const m of members) membersByCategory[m.category] += 1;
  return {
    forumId: f.forum_id,
    office: f.office,
    name: f.name,
    counties: json<string[]>(f.counties),
    createdAt: iso(f.created_at),
    version: f.version,
    on,
    membersByCategory,
    missingCategories: REQUIRED_CATEGORIES.filter((c) => membersByCategory[c] === 0),
    members,
  };
}

async function forumsWithMembers(sql: Sql, forumRows: Array<{ forum_id: string; office: string; name: string; counties: unknown; created_at: unknown; version: number }>, on: string) {
  if (forumRows.length === 0) return [];
  const ids = forumRows.map((f) => f.forum_id);
  const members = (await sql.query<MemberRow>(`${MEMBER_SELECT} WHERE forum_id = ANY($1::text[]) AND ${ACTIVE_ON} ORDER BY forum_id, member_id`, [ids, on])).rows;
  return forumRows.map((f) => summarise(f, members.filter((m) => m.forum_id === f.forum_id).map(toMember), on));
}

// ---------- Forums ----------
export class ListForums {
  constructor(readonly actor: Actor, readonly filter: { office?: string; on?: string }, readonly asOf?: number) {}
}
export class GetForum {
  constructor(readonly actor: Actor, readonly forumId: string, readonly on: string | undefined, readonly asOf?: number) {}
}
export class ListForumMembers {
  constructor(readonly actor: Actor, readonly forumId: string, readonly on: string | undefined, readonly asOf?: number) {}
}
export class ListForumMeetings {
  constructor(readonly actor: Actor, readonly forumId: string, readonly asOf?: number) {}
}
export class GetForumHistory {
  constructor(readonly actor: Actor, readonly forumId: string, readonly asOf?: number) {}
}
export class GetForumMembership {
  constructor(readonly actor: Actor, readonly filter: { office?: string; year?: number; on?: string }, readonly asOf?: number) {}
}

const FORUM_SELECT = `SELECT forum_id, office, name, counties, created_at, version FROM forum_forums`;

async function forumRow(sql: Sql, forumId: string) {
  return (await sql.query<{ forum_id: string; office: string; name: string; counties: unknown; created_at: unknown; version: number }>(`${FORUM_SELECT} WHERE forum_id = $1`, [forumId])).rows[0];
}

@QueryHandler(ListForums)
export class ListForumsHandler implements IQueryHandler<ListForums, ForumView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, asOf }: ListForums) {
    if (actor.role === 'governor' && filter.office && filter.office !== actor.office) throw new ForbiddenError(`you act for governor office ${actor.office}, not ${filter.office}`);
    const office = actor.role === 'governor' ? actor.office! : (filter.office ?? null);
    const on = filter.on ?? today();
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const rows = (await sql.query<{ forum_id: string; office: string; name: string; counties: unknown; created_at: unknown; version: number }>(`${FORUM_SELECT} WHERE ($1::text IS NULL OR office = $1) ORDER BY office, forum_id`, [office])).rows;
      return forumsWithMembers(sql, rows, on);
    });
  }
}

@QueryHandler(GetForum)
export class GetForumHandler implements IQueryHandler<GetForum, HttpResult<ForumView>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, forumId, on, asOf }: GetForum) {
    const view = await this.readModels.run(['forum'], asOf, async (sql) => {
      const row = await forumRow(sql, forumId);
      if (!row) return undefined;
      assertForumReader(actor, row.office, `forum ${forumId}`);
      return (await forumsWithMembers(sql, [row], on ?? today()))[0];
    });
    if (!view) throw new NotFoundError('forum', forumId);
    return withETag(view, view.version);
  }
}

@QueryHandler(ListForumMembers)
export class ListForumMembersHandler implements IQueryHandler<ListForumMembers, MemberView[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, forumId, on, asOf }: ListForumMembers) {
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

  async execute({ actor, forumId, asOf }: ListForumMeetings) {
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
      return rows.map((m) => ({ ...m, agenda: json<string[]>(m.agenda), present: json<string[]>(m.present), recordedAt: iso(m.recordedAt) }));
    });
  }
}

@QueryHandler(GetForumHistory)
export class GetForumHistoryHandler implements IQueryHandler<GetForumHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, forumId, asOf }: GetForumHistory) {
    const history = await this.readModels.existingHistory('forum', forumId, forumStream(forumId), asOf);
    assertForumReader(actor, (history[0].data as { office: string }).office, `forum ${forumId}`);
    return history;
  }
}

/**
 * Forum membership by category per office (the ministry's evaluation export; a governor sees its own office):
 * members on a date, or members at any time during a year.
 */
@QueryHandler(GetForumMembership)
export class GetForumMembershipHandler implements IQueryHandler<GetForumMembership, MembershipRow[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, asOf }: GetForumMembership) {
    if (actor.role === 'governor' && filter.office && filter.office !== actor.office) throw new ForbiddenError(`you act for governor office ${actor.office}, not ${filter.office}`);
    const office = actor.role === 'governor' ? actor.office! : (filter.office ?? null);
    const [from, to] = filter.year !== undefined ? [`${filter.year}-01-01`, `${filter.year}-12-31`] : [filter.on ?? today(), filter.on ?? today()];
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const forums = (await sql.query<{ forum_id: string; office: string }>(`SELECT forum_id, office FROM forum_forums WHERE ($1::text IS NULL OR office = $1) ORDER BY office, forum_id`, [office])).rows;
      const counts = (
        await sql.query<{ forum_id: string; category: MemberCategory; members: number | string }>(
          `SELECT forum_id, category, count(*) AS members FROM forum_members
           WHERE joined_on <= $2::date AND (left_on IS NULL OR left_on > $1::date) GROUP BY forum_id, category`,
          [from, to],
        )
      ).rows;
      return forums.flatMap((f) =>
        MEMBER_CATEGORIES.map((category) => ({
          office: f.office,
          forumId: f.forum_id,
          category,
          members: Number(counts.find((c) => c.forum_id === f.forum_id && c.category === category)?.members ?? 0),
        })),
      );
    });
  }
}

// ---------- Recommendations ----------
export class ListRecommendations {
  constructor(readonly actor: Actor, readonly filter: { office?: string; forumId?: string; callId?: string }, readonly asOf?: number) {}
}
export class GetRecommendation {
  constructor(readonly actor: Actor, readonly recommendationId: string, readonly asOf?: number) {}
}
export class GetRecommendationRevisions {
  constructor(readonly actor: Actor, readonly recommendationId: string, readonly asOf?: number) {}
}
export class GetRecommendationHistory {
  constructor(readonly actor: Actor, readonly recommendationId: string, readonly asOf?: number) {}
}

const REC_SELECT = `SELECT r.recommendation_id AS "recommendationId", r.forum_id AS "forumId", r.office, r.call_id AS "callId", r.revision, r.status, r.published,
  r.outcome, r.meeting_id AS "meetingId", to_char(r.meeting_date, 'YYYY-MM-DD') AS "meetingDate", r.present_members AS "presentMembers", r.vote, r.measures,
  r.note, r.warnings, r.first_recorded_at AS "firstRecordedAt", r.recorded_at AS "recordedAt", r.published_at AS "publishedAt", r.withdrawn_at AS "withdrawnAt",
  r.withdrawal_reason AS "withdrawalReason", r.version FROM forum_recommendations r`;

const toRecommendation = (r: RecommendationView): RecommendationView => ({
  ...r,
  vote: r.vote === null ? null : json<Vote>(r.vote),
  measures: json<RecommendedMeasure[]>(r.measures),
  warnings: json<Warning[]>(r.warnings),
  firstRecordedAt: iso(r.firstRecordedAt),
  recordedAt: iso(r.recordedAt),
  publishedAt: isoOrNull(r.publishedAt),
  withdrawnAt: isoOrNull(r.withdrawnAt),
});

/**
 * R20 for recommendations, as a WHERE clause over `r` ($1 = office or org): the ministry sees all; a governor
 * its office's; a school owner the published ones of its office; a university the published ones naming it
 * (as cooperating university or recipient).
 */
interface Visibility {
  where: string;
  param: string | null;
}

abstract class RecommendationReader {
  constructor(protected readonly readModels: ReadModels, protected readonly directory: OrganisationDirectory) {}

  protected async visibility(actor: Actor): Promise<Visibility> {
    switch (actor.role) {
      case 'ministry':
        return { where: '$1::text IS NULL', param: null };
      case 'governor':
        return { where: 'r.office = $1::text', param: actor.office ?? '' };
      case 'school_owner': {
        const org = await this.directory.get(actor.org);
        return { where: 'r.published AND r.office = $1::text', param: org?.office ?? '' };
      }
      case 'university':
        return { where: 'r.published AND EXISTS (SELECT 1 FROM forum_recommendation_parties p WHERE p.recommendation_id = r.recommendation_id AND p.org = $1::text)', param: actor.org };
    }
  }

  /** The recommendation if the actor may see it: a governor of another office gets 403; an owner or university 404 (unpublished ones must not leak). */
  protected async visible(sql: Sql, actor: Actor, recommendationId: string): Promise<RecommendationView> {
    const vis = await this.visibility(actor);
    const row = (await sql.query<RecommendationView>(`${REC_SELECT} WHERE r.recommendation_id = $2 AND (${vis.where})`, [vis.param, recommendationId])).rows[0];
    if (row) return toRecommendation(row);
    if (actor.role === 'governor') {
      const other = (await sql.query<{ office: string }>(`SELECT office FROM forum_recommendations WHERE recommendation_id = $1`, [recommendationId])).rows[0];
      if (other) throw new ForbiddenError(`recommendation ${recommendationId} belongs to governor office ${other.office}; you act for office ${actor.office}`);
    }
    throw new NotFoundError('recommendation', recommendationId);
  }
}

@QueryHandler(ListRecommendations)
export class ListRecommendationsHandler extends RecommendationReader implements IQueryHandler<ListRecommendations, RecommendationView[]> {
  constructor(readModels: ReadModels, @Inject(ORGANISATION_DIRECTORY) directory: OrganisationDirectory) {
    super(readModels, directory);
  }

  async execute({ actor, filter, asOf }: ListRecommendations) {
    const vis = await this.visibility(actor);
    return this.readModels.run(['forum'], asOf, async (sql) =>
      (
        await sql.query<RecommendationView>(
          `${REC_SELECT} WHERE (${vis.where}) AND ($2::text IS NULL OR r.office = $2) AND ($3::text IS NULL OR r.forum_id = $3) AND ($4::text IS NULL OR r.call_id = $4)
           ORDER BY r.recorded_at DESC, r.recommendation_id`,
          [vis.param, filter.office ?? null, filter.forumId ?? null, filter.callId ?? null],
        )
      ).rows.map(toRecommendation),
    );
  }
}

@QueryHandler(GetRecommendation)
export class GetRecommendationHandler extends RecommendationReader implements IQueryHandler<GetRecommendation, HttpResult<RecommendationView>> {
  constructor(readModels: ReadModels, @Inject(ORGANISATION_DIRECTORY) directory: OrganisationDirectory) {
    super(readModels, directory);
  }

  async execute({ actor, recommendationId, asOf }: GetRecommendation) {
    const view = await this.readModels.run(['forum'], asOf, (sql) => this.visible(sql, actor, recommendationId));
    return withETag(view, view.version);
  }
}

@QueryHandler(GetRecommendationRevisions)
export class GetRecommendationRevisionsHandler extends RecommendationReader implements IQueryHandler<GetRecommendationRevisions, RevisionView[]> {
  constructor(readModels: ReadModels, @Inject(ORGANISATION_DIRECTORY) directory: OrganisationDirectory) {
    super(readModels, directory);
  }

  async execute({ actor, recommendationId, asOf }: GetRecommendationRevisions) {
    return this.readModels.run(['forum'], asOf, async (sql) => {
      await this.visible(sql, actor, recommendationId);
      const rows = (
        await sql.query<RevisionView>(
          `SELECT revision, kind, outcome, meeting_id AS "meetingId", to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", present_members AS "presentMembers",
             vote, measures, note, warnings, reason, recorded_at AS "recordedAt"
           FROM forum_recommendation_revisions WHERE recommendation_id = $1 ORDER BY revision`,
          [recommendationId],
        )
      ).rows;
      return rows.map((r) => ({
        ...r,
        vote: r.vote === null ? null : json<Vote>(r.vote),
        measures: json<RecommendedMeasure[]>(r.measures),
        warnings: json<Warning[]>(r.warnings),
        recordedAt: iso(r.recordedAt),
      }));
    });
  }
}

@QueryHandler(GetRecommendationHistory)
export class GetRecommendationHistoryHandler implements IQueryHandler<GetRecommendationHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, recommendationId, asOf }: GetRecommendationHistory) {
    const history = await this.readModels.existingHistory('recommendation', recommendationId, recommendationStream(recommendationId), asOf);
    assertForumReader(actor, (history[0].data as { office: string }).office, `recommendation ${recommendationId}`);
    return history;
  }
}
