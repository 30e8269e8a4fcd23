import type { Sql } from '#libs/db';
import type { AudienceFacts, Notice } from '../../audience/audience.js';
import { KIND_INFO } from '../../kinds.js';
import { json } from './sql-values.js';

/** The event types the webhooks read model only remembers facts of (they are not published themselves). */
export const FACT_TYPES: readonly string[] = ['RecommendationRecorded', 'RecommendationAmended', 'AppealLodged'];

/** The fact tables: what earlier events said that later events' audiences (and letter numbers) need. */
export const FACT_SCHEMA = `
    CREATE TABLE webhook_recommendation_parties (recommendation_id text PRIMARY KEY, parties jsonb NOT NULL);
    CREATE TABLE webhook_grant_recipients (grant_id text PRIMARY KEY, recipient_org text NOT NULL, letters integer NOT NULL);
    CREATE TABLE webhook_appeal_parties (
      appeal_id text PRIMARY KEY,
      grant_id text NOT NULL,
      recipient_org text NOT NULL,
      appellant_org text NOT NULL
    );`;

const LETTER_TYPES = KIND_INFO['letter.issued'].eventTypes;
const APPEAL_OUTCOME_TYPES = KIND_INFO['appeal.outcome'].eventTypes;

interface RecommendationData {
  recommendationId: string;
  measures: Array<{ cooperatingOwners: string[]; cooperatingUniversities: string[]; amounts: Array<{ recipientOrg: string }> }>;
}

interface AppealLodgedData {
  appealId: string;
  grantId: string;
  recipientOrg: string;
  appellantOrg: string;
}

/** Remembers the facts of an event of FACT_TYPES: a recommendation's parties, an appeal's. */
export async function rememberFact(e: { type: string; data: unknown }, sql: Sql): Promise<void> {
  if (e.type === 'AppealLodged') {
    const d = e.data as AppealLodgedData;
    await sql.query(
      `INSERT INTO webhook_appeal_parties (appeal_id, grant_id, recipient_org, appellant_org) VALUES ($1, $2, $3, $4)
       ON CONFLICT (appeal_id) DO NOTHING`,
      [d.appealId, d.grantId, d.recipientOrg, d.appellantOrg],
    );
    return;
  }
  const d = e.data as RecommendationData;
  const parties = [
    ...new Set(d.measures.flatMap((m) => [...m.cooperatingOwners, ...m.cooperatingUniversities, ...m.amounts.map((a) => a.recipientOrg)])),
  ];
  await sql.query(
    `INSERT INTO webhook_recommendation_parties (recommendation_id, parties) VALUES ($1, $2::jsonb)
     ON CONFLICT (recommendation_id) DO UPDATE SET parties = EXCLUDED.parties`,
    [d.recommendationId, JSON.stringify(parties)],
  );
}

/**
 * R22: counts the letter a grant event makes (as grantLetterSteps numbers them: every decision, and each
 * amendment, revocation and repayment claim of a decided grant, in log order) and gives its number and the
 * grant's recipient. Called once per event, in the projection's batch, so the count is the letter's n.
 */
async function countLetter(e: { type: string; data: unknown }, sql: Sql): Promise<AudienceFacts> {
  const d = e.data as { grantId: string; recipientOrg?: string };
  const r =
    e.type === 'AllocationDecided'
      ? await sql.query<{ letters: number; recipient_org: string }>(
          `INSERT INTO webhook_grant_recipients (grant_id, recipient_org, letters) VALUES ($1, $2, 1)
           ON CONFLICT (grant_id) DO UPDATE SET letters = webhook_grant_recipients.letters + 1 RETURNING letters, recipient_org`,
          [d.grantId, d.recipientOrg],
        )
      : await sql.query<{ letters: number; recipient_org: string }>(
          `UPDATE webhook_grant_recipients SET letters = letters + 1 WHERE grant_id = $1 RETURNING letters, recipient_org`,
          [d.grantId],
        );
  const row = r.rows[0];
  return { grantRecipient: row?.recipient_org ?? null, letterN: row ? Number(row.letters) : null };
}

/** What earlier events said that this published event's notices need (and, for a letter event, counts it). */
export async function factsFor(e: { type: string; data: unknown }, sql: Sql): Promise<AudienceFacts> {
  const d = e.data as { recommendationId?: string; appealId?: string };
  if (e.type === 'RecommendationPublished') {
    const r = await sql.query<{ parties: unknown }>(`SELECT parties FROM webhook_recommendation_parties WHERE recommendation_id = $1`, [
      d.recommendationId,
    ]);
    return { recommendationParties: r.rows[0] ? json<string[]>(r.rows[0].parties) : [] };
  }
  if (LETTER_TYPES.includes(e.type)) return countLetter(e, sql);
  if (APPEAL_OUTCOME_TYPES.includes(e.type)) {
    const r = await sql.query<{ grant_id: string; recipient_org: string; appellant_org: string }>(
      `SELECT grant_id, recipient_org, appellant_org FROM webhook_appeal_parties WHERE appeal_id = $1`,
      [d.appealId],
    );
    const row = r.rows[0];
    return { appeal: row ? { grantId: row.grant_id, recipientOrg: row.recipient_org, appellantOrg: row.appellant_org } : null };
  }
  return {};
}

const LETTER_KIND: Record<string, string> = {
  AllocationDecided: 'decision',
  AllocationAmended: 'amendment',
  AllocationRevoked: 'revocation',
  RepaymentClaimed: 'repayment_claim',
};

/**
 * The `data` of a notice: the event's own, except a letter (its grant, number, kind and link) and an appeal
 * outcome (the event's, with the appealed grant, its recipient and the appellant).
 */
export function payloadOf(notice: Notice, e: { type: string; data: unknown }, facts: AudienceFacts): unknown {
  const d = (e.data ?? {}) as Record<string, unknown>;
  if (notice.kind === 'letter.issued') {
    const grantId = String(d.grantId);
    return {
      grantId,
      office: d.office ?? null,
      recipientOrg: d.recipientOrg ?? facts.grantRecipient ?? null,
      n: facts.letterN,
      letterKind: LETTER_KIND[e.type],
      link: `/grants/${encodeURIComponent(grantId)}/letters/${facts.letterN}`,
    };
  }
  if (notice.kind === 'appeal.outcome') return { ...d, ...(facts.appeal ?? {}) };
  return e.data;
}
