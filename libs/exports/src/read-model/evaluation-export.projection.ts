import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { minimumCoFinancing, ruleSetFor, SCHOOL_OWNER_KINDS, type OrgKind, type Scheme } from '#libs/kernel';
import type { Projection } from '#libs/projections';
import type { OrganisationEvent } from '#libs/organisations';
import type { CallEvent } from '#libs/calls';
import type { NeedsAssessmentEvent, AssessmentSnapshot } from '#libs/needs-assessments';
import type { PartnershipEvent } from '#libs/partnerships';
import type { ForumEvent, RecommendationEvent } from '#libs/forum';
import { GRANTS_EVENT_TYPES, type GrantEvent, type LedgerEvent } from '#libs/grants';

/**
 * The ministry's evaluation export (R20, R21): one row per measure × recipient × year in `ex_rows`, and the facts
 * the rows are joined with at query time (organisations, calls, assessments, measures, partnerships, frames, forum
 * members). It listens to the events of every capability itself, so `ReadModels.run(['evaluation_export'], asOf, …)`
 * recomputes it from the events as of any past position. Tables are prefixed `ex_`.
 *
 * Where each column of `ex_rows` comes from:
 * - office, scheme: the needs assessment (NeedsAssessmentDrafted), the recommendation's call (CallOpened) or the
 *   decision (AllocationDecided), whichever comes first.
 * - requested, coordinator, planned_co_financing: the budget and co-financing lines of the latest submitted or
 *   amended version of the needs assessment (NeedsAssessmentSubmitted/Amended snapshot), per owner or university.
 * - recommended, recommendation_id, recommended_on: the forum's latest recommendation (RecommendationRecorded/
 *   Amended; cleared by RecommendationWithdrawn); recommended_on is the date of the forum meeting.
 * - grant_id … deviation_reason, rule_set_version: the decision (AllocationDecided/Amended/Revoked, frame ledger).
 * - co_fin_required: R7/R8 minimum for the granted amount (kernel `minimumCoFinancing`, as the grants capability).
 * - co_fin_committed, accepted_on: GrantAccepted. paid, last_paid_on: GrantPaymentRecorded.
 * - report_*, spent, unspent, co_fin_documented, co_fin_salary_time, reported_participants, evaluation:
 *   GrantReportSubmitted / GrantReportApproved.
 * - claimed, repaid: RepaymentClaimed / RepaymentSettled (a claim without a year counts on the grant's first year).
 */
export const EVALUATION_EXPORT = 'evaluation_export';

export const evaluationExportProjection: Projection = {
  name: EVALUATION_EXPORT,
  version: 1,
  schema: `
    CREATE TABLE ex_orgs (
      org_number text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL,
      municipality_number text,
      county_number text,
      office text
    );
    CREATE TABLE ex_calls (
      call_id text PRIMARY KEY,
      office text NOT NULL,
      scheme text NOT NULL,
      year integer NOT NULL,
      rule_set_version text NOT NULL
    );
    CREATE TABLE ex_assessments (
      assessment_id text PRIMARY KEY,
      call_id text NOT NULL,
      office text NOT NULL,
      scheme text NOT NULL,
      year integer NOT NULL,
      rule_set_version text NOT NULL,
      lead_owner text NOT NULL,
      title text NOT NULL,
      themes text NOT NULL DEFAULT '',
      network boolean NOT NULL DEFAULT false,
      status text NOT NULL,
      late boolean NOT NULL DEFAULT false,
      submitted_on date
    );
    CREATE TABLE ex_measures (
      measure_id text PRIMARY KEY,
      assessment_id text NOT NULL,
      title text NOT NULL,
      description text NOT NULL,
      schools integer NOT NULL,
      teachers integer NOT NULL,
      leaders integer NOT NULL,
      other_staff integer NOT NULL,
      start_year integer NOT NULL,
      span_years integer NOT NULL,
      university_org text,
      university_local boolean
    );
    CREATE TABLE ex_partnerships (
      measure_id text NOT NULL,
      university text NOT NULL,
      status text NOT NULL,
      subcontractors jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (measure_id, university)
    );
    CREATE TABLE ex_recommendations (
      recommendation_id text PRIMARY KEY,
      office text NOT NULL,
      call_id text NOT NULL,
      meeting_date date NOT NULL
    );
    CREATE TABLE ex_forum_members (
      forum_id text NOT NULL,
      member_id text NOT NULL,
      office text NOT NULL,
      category text NOT NULL,
      joined_on date NOT NULL,
      left_on date,
      PRIMARY KEY (forum_id, member_id)
    );
    CREATE TABLE ex_forums (
      forum_id text PRIMARY KEY,
      office text NOT NULL
    );
    CREATE TABLE ex_frames (
      office text NOT NULL,
      scheme text NOT NULL,
      year integer NOT NULL,
      amount bigint NOT NULL,
      PRIMARY KEY (office, scheme, year)
    );
    CREATE TABLE ex_claims (
      grant_id text NOT NULL,
      claim_id text NOT NULL,
      year integer NOT NULL,
      PRIMARY KEY (grant_id, claim_id)
    );
    CREATE TABLE ex_rows (
      measure_id text NOT NULL,
      recipient_org text NOT NULL,
      year integer NOT NULL,
      office text,
      scheme text,
      requested bigint NOT NULL DEFAULT 0,
      coordinator bigint NOT NULL DEFAULT 0,
      planned_co_financing bigint NOT NULL DEFAULT 0,
      recommended bigint,
      recommendation_id text,
      recommended_on date,
      grant_id text,
      decision_year integer,
      decision_status text,
      decision_basis text,
      granted bigint,
      decided_on date,
      deviates boolean,
      deviation_reason text,
      rule_set_version text,
      amendments integer NOT NULL DEFAULT 0,
      recipient_kind text,
      co_fin_required bigint,
      co_fin_committed bigint,
      accepted_on date,
      paid bigint NOT NULL DEFAULT 0,
      last_paid_on date,
      report_deadline date,
      report_status text,
      report_submitted_on date,
      report_late boolean,
      report_approved_on date,
      spent bigint,
      unspent bigint,
      co_fin_documented bigint,
      co_fin_salary_time bigint,
      reported_participants text,
      evaluation text,
      claimed bigint NOT NULL DEFAULT 0,
      repaid bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (measure_id, recipient_org, year)
    );
    CREATE INDEX ex_rows_by_year ON ex_rows (year, office, scheme);
    CREATE INDEX ex_rows_by_grant ON ex_rows (grant_id);`,
  handles: [
    'OrganisationRegistered',
    'OrganisationAmended',
    'CallOpened',
    'NeedsAssessmentDrafted',
    'NeedsAssessmentContentUpdated',
    'NetworkOwnerInvited',
    'NeedsAssessmentSubmitted',
    'NeedsAssessmentAmended',
    'NeedsAssessmentWithdrawn',
    'PartnershipCommitted',
    'PartnershipDeclined',
    'SubcontractorAdded',
    'ForumCreated',
    'ForumMemberJoined',
    'ForumMemberLeft',
    'RecommendationRecorded',
    'RecommendationAmended',
    'RecommendationWithdrawn',
    ...GRANTS_EVENT_TYPES,
  ],
  async apply(stored, sql) {
    await applyEvent(stored, sql);
  },
  /**
   * Runs of organisation events (every one carries the whole organisation, so per org the last wins) go in one
   * set-based upsert; everything else is applied one by one, in order.
   */
  async applyBatch(events, sql) {
    let orgs = new Map<string, Record<string, unknown>>();
    const flushOrgs = async () => {
      if (orgs.size === 0) return;
      await sql.query(
        `INSERT INTO ex_orgs (org_number, name, kind, municipality_number, county_number, office)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(org_number text, name text, kind text, municipality_number text, county_number text, office text)
         ON CONFLICT (org_number) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, municipality_number = EXCLUDED.municipality_number,
           county_number = EXCLUDED.county_number, office = EXCLUDED.office`,
        [JSON.stringify([...orgs.values()])],
      );
      orgs = new Map();
    };
    for (const stored of events) {
      if (stored.type === 'OrganisationRegistered' || stored.type === 'OrganisationAmended') {
        const d = (stored.data as OrganisationEvent['data']);
        orgs.set(d.orgNumber, { org_number: d.orgNumber, name: d.name, kind: d.kind, municipality_number: d.municipalityNumber, county_number: d.countyNumber, office: d.office });
        continue;
      }
      await flushOrgs();
      await applyEvent(stored, sql);
    }
    await flushOrgs();
  },
};

type Ev = OrganisationEvent | CallEvent | NeedsAssessmentEvent | PartnershipEvent | ForumEvent | RecommendationEvent | LedgerEvent | GrantEvent;

/** `<OFFICE>.<SCHEME>.<measureId>.<recipientOrg>` (the grants capability's grant id). */
function measureOfGrant(grantId: string): string {
  const parts = grantId.split('.');
  return parts[2];
}

/** Makes sure the row exists; office and scheme are filled in by whichever source knows them first. */
async function ensureRow(sql: Sql, measureId: string, org: string, year: number, office: string | null, scheme: string | null): Promise<void> {
  await sql.query(
    `INSERT INTO ex_rows (measure_id, recipient_org, year, office, scheme) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (measure_id, recipient_org, year) DO UPDATE SET office = COALESCE(ex_rows.office, EXCLUDED.office), scheme = COALESCE(ex_rows.scheme, EXCLUDED.scheme)`,
    [measureId, org, year, office, scheme],
  );
}

function coFinancingRequired(scheme: Scheme, kind: string, year: number, amount: number): number {
  if (!SCHOOL_OWNER_KINDS.includes(kind as OrgKind)) return 0;
  return minimumCoFinancing(amount, ruleSetFor(scheme, year).coFinancingPercent);
}

async function writeSnapshot(sql: Sql, assessmentId: string, snap: AssessmentSnapshot): Promise<void> {
  const a = (await sql.query<{ office: string; scheme: string }>('SELECT office, scheme FROM ex_assessments WHERE assessment_id = $1', [assessmentId])).rows[0];
  const themes = [...snap.content.themes.goals, ...snap.content.themes.tags].join(';');
  await sql.query('UPDATE ex_assessments SET title = $2, themes = $3, network = $4, lead_owner = $5 WHERE assessment_id = $1', [
    assessmentId,
    snap.content.title,
    themes,
    snap.coOwners.length > 0,
    snap.leadOwner,
  ]);
  const ids = snap.measures.map((m) => m.measureId);
  // An amendment may drop lines: what is no longer requested counts 0 (the row stays: it may carry money).
  await sql.query('UPDATE ex_rows SET requested = 0, coordinator = 0, planned_co_financing = 0 WHERE measure_id = ANY($1::text[])', [ids]);
  for (const m of snap.measures) {
    await sql.query(
      `INSERT INTO ex_measures (measure_id, assessment_id, title, description, schools, teachers, leaders, other_staff, start_year, span_years, university_org, university_local)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (measure_id) DO UPDATE SET title = $3, description = $4, schools = $5, teachers = $6, leaders = $7, other_staff = $8,
         start_year = $9, span_years = $10, university_org = $11, university_local = $12`,
      [
        m.measureId,
        assessmentId,
        m.title,
        m.description,
        m.schools.length,
        m.participants.teachers,
        m.participants.leaders,
        m.participants.otherStaff,
        m.startYear,
        m.spanYears,
        m.university?.org ?? null,
        m.university?.local ?? null,
      ],
    );
    for (const [org, lines] of Object.entries(m.lines)) {
      const perYear = new Map<number, { requested: number; coordinator: number; planned: number }>();
      const at = (y: number) => perYear.get(y) ?? perYear.set(y, { requested: 0, coordinator: 0, planned: 0 }).get(y)!;
      for (const b of lines.budget) {
        at(b.year).requested += b.amount;
        if (b.category === 'coordinator') at(b.year).coordinator += b.amount;
      }
      for (const c of lines.coFinancing) at(c.year).planned += c.amount;
      for (const [year, v] of perYear) {
        await ensureRow(sql, m.measureId, org, year, a?.office ?? null, a?.scheme ?? null);
        await sql.query('UPDATE ex_rows SET requested = $4, coordinator = $5, planned_co_financing = $6 WHERE measure_id = $1 AND recipient_org = $2 AND year = $3', [
          m.measureId,
          org,
          year,
          v.requested,
          v.coordinator,
          v.planned,
        ]);
      }
    }
  }
}

async function applyEvent(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = { type: stored.type, data: stored.data } as Ev;
  switch (e.type) {
    // ---------- Organisations (R19) ----------
    case 'OrganisationRegistered':
    case 'OrganisationAmended': {
      const d = e.data;
      await sql.query(
        `INSERT INTO ex_orgs (org_number, name, kind, municipality_number, county_number, office) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (org_number) DO UPDATE SET name = $2, kind = $3, municipality_number = $4, county_number = $5, office = $6`,
        [d.orgNumber, d.name, d.kind, d.municipalityNumber, d.countyNumber, d.office],
      );
      return;
    }
    // ---------- Calls ----------
    case 'CallOpened':
      await sql.query(`INSERT INTO ex_calls (call_id, office, scheme, year, rule_set_version) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        e.data.callId,
        e.data.office,
        e.data.scheme,
        e.data.year,
        e.data.ruleSetVersion,
      ]);
      return;
    // ---------- Needs assessments and measures (R3–R10) ----------
    case 'NeedsAssessmentDrafted': {
      const d = e.data;
      await sql.query(
        `INSERT INTO ex_assessments (assessment_id, call_id, office, scheme, year, rule_set_version, lead_owner, title, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft') ON CONFLICT DO NOTHING`,
        [d.assessmentId, d.callId, d.office, d.scheme, d.year, d.ruleSetVersion, d.leadOwner, d.title],
      );
      return;
    }
    case 'NeedsAssessmentContentUpdated':
    case 'NetworkOwnerInvited':
      // Drafts do not reach the export; the submitted snapshot carries content and network.
      return;
    case 'NeedsAssessmentSubmitted':
      await sql.query(`UPDATE ex_assessments SET status = 'submitted', late = $2, submitted_on = $3 WHERE assessment_id = $1`, [e.data.assessmentId, e.data.late, e.data.submittedOn]);
      await writeSnapshot(sql, e.data.assessmentId, e.data.snapshot);
      return;
    case 'NeedsAssessmentAmended':
      await sql.query(`UPDATE ex_assessments SET status = 'amended' WHERE assessment_id = $1`, [e.data.assessmentId]);
      await writeSnapshot(sql, e.data.assessmentId, e.data.snapshot);
      return;
    case 'NeedsAssessmentWithdrawn':
      await sql.query(`UPDATE ex_assessments SET status = 'withdrawn' WHERE assessment_id = $1`, [e.data.assessmentId]);
      return;
    // ---------- Partnerships (R2, R3) ----------
    case 'PartnershipCommitted':
    case 'PartnershipDeclined':
      await sql.query(
        `INSERT INTO ex_partnerships (measure_id, university, status) VALUES ($1, $2, $3)
         ON CONFLICT (measure_id, university) DO UPDATE SET status = $3`,
        [e.data.measureId, e.data.university, e.type === 'PartnershipCommitted' ? 'committed' : 'declined'],
      );
      return;
    case 'SubcontractorAdded': {
      const s = e.data.subcontractor;
      await sql.query(
        `UPDATE ex_partnerships SET subcontractors = subcontractors || $3::jsonb WHERE measure_id = $1 AND university = $2`,
        [e.data.measureId, e.data.university, JSON.stringify([{ orgNumber: s.orgNumber, name: s.name, sharePercent: s.sharePercent }])],
      );
      return;
    }
    // ---------- Forum (R11–R13) ----------
    case 'ForumCreated':
      await sql.query(`INSERT INTO ex_forums (forum_id, office) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [e.data.forumId, e.data.office]);
      return;
    case 'ForumMemberJoined':
      await sql.query(
        `INSERT INTO ex_forum_members (forum_id, member_id, office, category, joined_on) SELECT $1, $2, office, $3, $4 FROM ex_forums WHERE forum_id = $1
         ON CONFLICT DO NOTHING`,
        [e.data.forumId, e.data.memberId, e.data.category, e.data.joinedOn],
      );
      return;
    case 'ForumMemberLeft':
      await sql.query(`UPDATE ex_forum_members SET left_on = $3 WHERE forum_id = $1 AND member_id = $2`, [e.data.forumId, e.data.memberId, e.data.leftOn]);
      return;
    case 'RecommendationRecorded':
    case 'RecommendationAmended': {
      const d = e.data;
      await sql.query(
        `INSERT INTO ex_recommendations (recommendation_id, office, call_id, meeting_date) VALUES ($1, $2, $3, $4)
         ON CONFLICT (recommendation_id) DO UPDATE SET meeting_date = $4`,
        [d.recommendationId, d.office, d.callId, d.meetingDate],
      );
      await sql.query(`UPDATE ex_rows SET recommended = NULL, recommendation_id = NULL, recommended_on = NULL WHERE recommendation_id = $1`, [d.recommendationId]);
      const scheme = (await sql.query<{ scheme: string }>('SELECT scheme FROM ex_calls WHERE call_id = $1', [d.callId])).rows[0]?.scheme ?? null;
      for (const m of d.measures) {
        for (const a of m.amounts) {
          await ensureRow(sql, m.measureId, a.recipientOrg, a.year, d.office, scheme);
          await sql.query(
            `UPDATE ex_rows SET recommended = COALESCE(recommended, 0) + $4, recommendation_id = $5, recommended_on = $6 WHERE measure_id = $1 AND recipient_org = $2 AND year = $3`,
            [m.measureId, a.recipientOrg, a.year, a.amount, d.recommendationId, d.meetingDate],
          );
        }
      }
      return;
    }
    case 'RecommendationWithdrawn':
      await sql.query(`UPDATE ex_rows SET recommended = NULL, recommendation_id = NULL, recommended_on = NULL WHERE recommendation_id = $1`, [e.data.recommendationId]);
      return;
    // ---------- Frames and decisions (R9, R12, R18) ----------
    case 'FrameSet':
    case 'FrameAdjusted':
      await sql.query(
        `INSERT INTO ex_frames (office, scheme, year, amount) VALUES ($1, $2, $3, $4) ON CONFLICT (office, scheme, year) DO UPDATE SET amount = $4`,
        [e.data.office, e.data.scheme, e.data.year, e.data.amount],
      );
      return;
    case 'AllocationDecided': {
      const d = e.data;
      for (const l of d.lines) {
        await ensureRow(sql, d.measureId, d.recipientOrg, l.year, d.office, d.scheme);
        await sql.query(
          `UPDATE ex_rows SET grant_id = $4, decision_year = $5, decision_status = 'active', decision_basis = $6, granted = $7, decided_on = $8,
             deviates = $9, deviation_reason = $10, rule_set_version = $11, recipient_kind = $12, co_fin_required = $13, report_deadline = $14, report_status = 'due'
           WHERE measure_id = $1 AND recipient_org = $2 AND year = $3`,
          [
            d.measureId,
            d.recipientOrg,
            l.year,
            d.grantId,
            d.decisionYear,
            d.basis,
            l.amount,
            d.decidedOn,
            d.deviates,
            d.deviationReason,
            d.ruleSetVersion,
            d.recipientKind,
            coFinancingRequired(d.scheme, d.recipientKind, l.year, l.amount),
            l.reportDeadline,
          ],
        );
      }
      return;
    }
    case 'AllocationAmended': {
      const d = e.data;
      const measureId = measureOfGrant(d.grantId);
      const kind = (await sql.query<{ recipient_kind: string; recipient_org: string }>('SELECT recipient_kind, recipient_org FROM ex_rows WHERE grant_id = $1 LIMIT 1', [d.grantId])).rows[0];
      if (!kind) return;
      const kept = new Set(d.lines.map((l) => l.year));
      for (const l of d.previousLines) {
        if (!kept.has(l.year)) await sql.query(`UPDATE ex_rows SET granted = 0, co_fin_required = 0 WHERE grant_id = $1 AND year = $2`, [d.grantId, l.year]);
      }
      const decided = (await sql.query<{ decision_year: number; decided_on: string }>(`SELECT decision_year, to_char(decided_on, 'YYYY-MM-DD') AS decided_on FROM ex_rows WHERE grant_id = $1 LIMIT 1`, [d.grantId])).rows[0];
      for (const l of d.lines) {
        await ensureRow(sql, measureId, kind.recipient_org, l.year, d.office, d.scheme);
        await sql.query(
          `UPDATE ex_rows SET grant_id = $4, decision_year = $5, decision_status = 'active', decision_basis = $6, granted = $7, decided_on = $8,
             deviates = $9, deviation_reason = CASE WHEN $9 THEN $10 ELSE NULL END, rule_set_version = $11, recipient_kind = $12, co_fin_required = $13,
             report_deadline = $14, report_status = COALESCE(report_status, 'due'), amendments = amendments + 1
           WHERE measure_id = $1 AND recipient_org = $2 AND year = $3`,
          [
            measureId,
            kind.recipient_org,
            l.year,
            d.grantId,
            decided.decision_year,
            d.basis,
            l.amount,
            decided.decided_on,
            d.deviates,
            d.reason,
            d.ruleSetVersion,
            kind.recipient_kind,
            coFinancingRequired(d.scheme, kind.recipient_kind, l.year, l.amount),
            l.reportDeadline,
          ],
        );
      }
      return;
    }
    case 'AllocationRevoked':
      await sql.query(`UPDATE ex_rows SET decision_status = 'revoked' WHERE grant_id = $1`, [e.data.grantId]);
      return;
    // ---------- The grant's life (R7, R15–R17) ----------
    case 'GrantAccepted':
      await sql.query(`UPDATE ex_rows SET accepted_on = $2 WHERE grant_id = $1`, [e.data.grantId, e.data.acceptedOn]);
      for (const c of e.data.coFinancing) {
        await sql.query(`UPDATE ex_rows SET co_fin_committed = $3 WHERE grant_id = $1 AND year = $2`, [e.data.grantId, c.year, c.committed]);
      }
      return;
    case 'GrantPaymentRecorded':
      await sql.query(`UPDATE ex_rows SET paid = paid + $3, last_paid_on = GREATEST(last_paid_on, $4::date) WHERE grant_id = $1 AND year = $2`, [
        e.data.grantId,
        e.data.year,
        e.data.amount,
        e.data.paidOn,
      ]);
      return;
    case 'GrantReportSubmitted': {
      const d = e.data;
      await sql.query(
        `UPDATE ex_rows SET report_status = 'submitted', report_submitted_on = $3, report_late = $4, report_deadline = $5, spent = $6, unspent = $7,
           co_fin_documented = $8, co_fin_salary_time = $9, reported_participants = $10, evaluation = $11
         WHERE grant_id = $1 AND year = $2`,
        [
          d.grantId,
          d.year,
          d.submittedOn,
          d.late,
          d.deadline,
          d.spent,
          d.unspent,
          d.coFinancingProvided.total,
          d.coFinancingProvided.salary + d.coFinancingProvided.releasedTime,
          d.participants.map((p) => `${p.role}:${p.count}`).join(';'),
          d.evaluation,
        ],
      );
      return;
    }
    case 'GrantReportApproved':
      await sql.query(`UPDATE ex_rows SET report_status = 'approved', report_approved_on = $3 WHERE grant_id = $1 AND year = $2`, [e.data.grantId, e.data.year, e.data.approvedOn]);
      return;
    case 'RepaymentClaimed': {
      const year =
        e.data.year ?? (await sql.query<{ year: number }>('SELECT min(year) AS year FROM ex_rows WHERE grant_id = $1', [e.data.grantId])).rows[0]?.year ?? null;
      if (year === null) return;
      await sql.query(`INSERT INTO ex_claims (grant_id, claim_id, year) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [e.data.grantId, e.data.claimId, year]);
      await sql.query(`UPDATE ex_rows SET claimed = claimed + $3 WHERE grant_id = $1 AND year = $2`, [e.data.grantId, year, e.data.amount]);
      return;
    }
    case 'RepaymentSettled':
      await sql.query(
        `UPDATE ex_rows SET repaid = repaid + $3 WHERE grant_id = $1 AND year = (SELECT year FROM ex_claims WHERE grant_id = $1 AND claim_id = $2)`,
        [e.data.grantId, e.data.claimId, e.data.amount],
      );
      return;
    default:
      return;
  }
}
