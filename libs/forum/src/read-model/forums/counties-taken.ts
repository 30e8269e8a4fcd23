import type { ReadModels } from '#libs/platform';
import { json } from '../sql-values.js';

/**
 * R11: the counties the office's other forums cover (county → forum id), for CreateForum. Reads this
 * capability's own table, caught up with the forum read model only.
 */
export async function countiesTakenByOtherForums(readModels: ReadModels, office: string, forumId: string): Promise<Record<string, string>> {
  const others = await readModels.caughtUp(
    ['forum'],
    async (sql) =>
      (
        await sql.query<{ forum_id: string; counties: unknown }>(
          `SELECT forum_id, counties FROM forum_forums WHERE office = $1 AND forum_id <> $2`,
          [office, forumId],
        )
      ).rows,
  );
  const taken: Record<string, string> = {};
  for (const f of others) for (const c of json<string[]>(f.counties)) taken[c] = f.forum_id;
  return taken;
}
