import type { Sql } from '#libs/db';
import type { Warning } from '#libs/platform';
import { countyByNumber, officeByCode } from '#libs/reference-data';
import { MEMBER_CATEGORIES, REQUIRED_CATEGORIES, type MemberCategory } from '../../forum/categories.js';
import { iso, json } from '../sql-values.js';
import type { ForumView, MemberView } from './forums.view.js';

export interface ForumRow {
  forum_id: string;
  office: string;
  name: string;
  counties: unknown;
  created_at: unknown;
  version: number;
}

export const FORUM_SELECT = `SELECT forum_id, office, name, counties, created_at, version FROM forum_forums`;
export const MEMBER_SELECT = `SELECT forum_id, member_id AS "memberId", org_number AS "orgNumber", name, category, to_char(joined_on, 'YYYY-MM-DD') AS "joinedOn",
  to_char(left_on, 'YYYY-MM-DD') AS "leftOn", left_reason AS "leftReason", warnings FROM forum_members`;
/** R11: a member on $2 joined on or before it and had not left by then. */
export const ACTIVE_ON = `joined_on <= $2::date AND (left_on IS NULL OR left_on > $2::date)`;

export type MemberRow = MemberView & { forum_id: string };
export const toMember = ({ forum_id: _f, ...m }: MemberRow): MemberView => ({ ...m, warnings: json<Warning[]>(m.warnings) });

export async function forumRow(sql: Sql, forumId: string): Promise<ForumRow | undefined> {
  return (await sql.query<ForumRow>(`${FORUM_SELECT} WHERE forum_id = $1`, [forumId])).rows[0];
}

function summarise(f: ForumRow, members: MemberView[], on: string): ForumView {
  const membersByCategory = Object.fromEntries(MEMBER_CATEGORIES.map((c) => [c, 0])) as Record<MemberCategory, number>;
  for (const m of members) membersByCategory[m.category] += 1;
  return {
    forumId: f.forum_id,
    office: f.office,
    officeName: officeByCode(f.office)?.name ?? null,
    name: f.name,
    counties: json<string[]>(f.counties),
    countyNames: json<string[]>(f.counties).map((c) => countyByNumber(c)?.name ?? null),
    createdAt: iso(f.created_at),
    version: f.version,
    on,
    membersByCategory,
    missingCategories: REQUIRED_CATEGORIES.filter((c) => membersByCategory[c] === 0),
    members,
  };
}

/** Each forum with its members on a date. */
export async function forumsWithMembers(sql: Sql, forumRows: ForumRow[], on: string): Promise<ForumView[]> {
  if (forumRows.length === 0) return [];
  const ids = forumRows.map((f) => f.forum_id);
  const members = (
    await sql.query<MemberRow>(`${MEMBER_SELECT} WHERE forum_id = ANY($1::text[]) AND ${ACTIVE_ON} ORDER BY forum_id, member_id`, [ids, on])
  ).rows;
  return forumRows.map((f) => summarise(f, members.filter((m) => m.forum_id === f.forum_id).map(toMember), on));
}
