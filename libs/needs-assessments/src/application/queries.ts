import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Sql } from '#libs/db';
import { ForbiddenError, NotFoundError, type Actor } from '#libs/kernel';
import { ReadModels, withETag, type HistoryEntry, type HttpResult, type Warning } from '#libs/platform';
import { needsAssessmentStream } from '../domain/needs-assessment.decider.js';
import type { AssessmentSnapshot, NeedsAssessmentState } from '../domain/needs-assessment.types.js';
import { PARTNERSHIP_STATUS, type PartnershipRow, type PartnershipStatusPort } from './partnership-status.port.js';

export interface AssessmentSummaryView {
  assessmentId: string;
  callId: string;
  office: string;
  scheme: string;
  year: number;
  leadOwner: string;
  title: string;
  status: string;
  network: boolean;
  late: boolean;
  versions: number;
  warnings: Warning[];
  deadline: string | null;
  submittedAt: string | null;
  version: number;
}

const SUMMARY = `SELECT a.assessment_id AS "assessmentId", a.call_id AS "callId", a.office, a.scheme, a.year, a.lead_owner AS "leadOwner",
  a.title, a.status, (SELECT count(*) FROM na_members n WHERE n.assessment_id = a.assessment_id) > 1 AS network, a.late, a.versions,
  a.warnings, (SELECT to_char(c.deadline, 'YYYY-MM-DD') FROM calls c WHERE c.call_id = a.call_id) AS deadline,
  a.submitted_at AS "submittedAt", a.version FROM na_assessments a`;

/** The read models the needs-assessment queries read (the call's deadline comes from the calls read model). */
const READ = ['needs_assessments', 'calls'];

/** R20: which assessments an actor may read, as a SQL condition on `a` with the actor as $1/$2. */
const VISIBLE = `CASE $1::text
    WHEN 'ministry' THEN true
    WHEN 'governor' THEN a.office = $2
    WHEN 'school_owner' THEN EXISTS (SELECT 1 FROM na_members n WHERE n.assessment_id = a.assessment_id AND n.org = $2)
    ELSE false END`;
const who = (actor: Actor) => [actor.role, actor.role === 'governor' ? (actor.office ?? '') : actor.org];

export class ListNeedsAssessments {
  constructor(readonly actor: Actor, readonly filter: { callId?: string; status?: string }, readonly asOf?: number) {}
}
export class GetGovernorInbox {
  constructor(readonly actor: Actor, readonly callId: string, readonly asOf?: number) {}
}
export class GetNeedsAssessment {
  constructor(readonly actor: Actor, readonly assessmentId: string, readonly asOf?: number) {}
}
export class GetNeedsAssessmentVersion {
  constructor(readonly actor: Actor, readonly assessmentId: string, readonly versionNo: number, readonly asOf?: number) {}
}
export class GetNeedsAssessmentHistory {
  constructor(readonly actor: Actor, readonly assessmentId: string, readonly asOf?: number) {}
}

/** 404 when the actor may not see it: existence of another owner's assessment does not leak (R20). */
async function visibleOrNotFound(sql: Sql, actor: Actor, assessmentId: string): Promise<void> {
  const r = await sql.query(`SELECT 1 FROM na_assessments a WHERE a.assessment_id = $3 AND ${VISIBLE}`, [...who(actor), assessmentId]);
  if (r.rows.length === 0) throw new NotFoundError('needs assessment', assessmentId);
}

@QueryHandler(ListNeedsAssessments)
export class ListNeedsAssessmentsHandler implements IQueryHandler<ListNeedsAssessments, AssessmentSummaryView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, asOf }: ListNeedsAssessments) {
    if (actor.role === 'university') throw new ForbiddenError('a university reads the measures that name it under /partnerships');
    return this.readModels.run(READ, asOf, async (sql) =>
      (
        await sql.query<AssessmentSummaryView>(
          `${SUMMARY} WHERE ${VISIBLE} AND ($3::text IS NULL OR a.call_id = $3) AND ($4::text IS NULL OR a.status = $4) ORDER BY a.created_at, a.assessment_id`,
          [...who(actor), filter.callId ?? null, filter.status ?? null],
        )
      ).rows,
    );
  }
}

/** The governor's inbox: what was submitted to a call of its office, with late flags and open warnings. */
@QueryHandler(GetGovernorInbox)
export class GetGovernorInboxHandler implements IQueryHandler<GetGovernorInbox, AssessmentSummaryView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, callId, asOf }: GetGovernorInbox) {
    if (actor.role !== 'governor' && actor.role !== 'ministry') throw new ForbiddenError('the inbox is the governor office\'s');
    return this.readModels.run(READ, asOf, async (sql) =>
      (
        await sql.query<AssessmentSummaryView>(
          `${SUMMARY} WHERE ${VISIBLE} AND a.call_id = $3 AND a.status <> 'draft' ORDER BY a.submitted_at, a.assessment_id`,
          [...who(actor), callId],
        )
      ).rows,
    );
  }
}

export interface AssessmentDetailView extends AssessmentSummaryView {
  ruleSetVersion: string;
  revision: number;
  withdrawnReason: string | null;
  content: NeedsAssessmentState['content'];
  members: Array<{ org: string; role: string; confirmedRevision: number | null; confirmedCurrent: boolean }>;
  measures: Array<NeedsAssessmentState['measures'][number] & { partnerships: PartnershipRow[] }>;
  versionList: Array<{ versionNo: number; kind: string; late: boolean; submittedOn: string; reason: string | null; recordedAt: string }>;
}

@QueryHandler(GetNeedsAssessment)
export class GetNeedsAssessmentHandler implements IQueryHandler<GetNeedsAssessment, HttpResult<AssessmentDetailView>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(PARTNERSHIP_STATUS) private readonly partnerships: PartnershipStatusPort,
  ) {}

  async execute({ actor, assessmentId, asOf }: GetNeedsAssessment) {
    const view = await this.readModels.run(READ, asOf, async (sql) => {
      await visibleOrNotFound(sql, actor, assessmentId);
      const summary = (await sql.query<AssessmentSummaryView>(`${SUMMARY} WHERE a.assessment_id = $1`, [assessmentId])).rows[0];
      const row = (await sql.query<{ state: NeedsAssessmentState | string; withdrawn_reason: string | null }>('SELECT state, withdrawn_reason FROM na_assessments WHERE assessment_id = $1', [assessmentId])).rows[0];
      const state = typeof row.state === 'string' ? (JSON.parse(row.state) as NeedsAssessmentState) : row.state;
      const members = (
        await sql.query<{ org: string; role: string; confirmedRevision: number | null }>(
          `SELECT org, role, confirmed_revision AS "confirmedRevision" FROM na_members WHERE assessment_id = $1 ORDER BY role, org`,
          [assessmentId],
        )
      ).rows;
      const versionList = (
        await sql.query<AssessmentDetailView['versionList'][number]>(
          `SELECT version_no AS "versionNo", kind, late, to_char(submitted_on, 'YYYY-MM-DD') AS "submittedOn", reason, recorded_at AS "recordedAt"
           FROM na_versions WHERE assessment_id = $1 ORDER BY version_no`,
          [assessmentId],
        )
      ).rows;
      return { summary, state, withdrawnReason: row.withdrawn_reason, members, versionList };
    });
    const answers = await this.partnerships.forMeasures(view.state.measures.map((m) => m.measureId), asOf);
    const body: AssessmentDetailView = {
      ...view.summary,
      ruleSetVersion: view.state.ruleSetVersion,
      revision: view.state.revision,
      withdrawnReason: view.withdrawnReason,
      content: view.state.content,
      members: view.members.map((m) => ({ ...m, confirmedCurrent: m.role === 'lead' || m.confirmedRevision === view.state.revision })),
      measures: view.state.measures.map((m) => ({ ...m, partnerships: answers.filter((p) => p.measureId === m.measureId) })),
      versionList: view.versionList,
    };
    return withETag(body, view.summary.version);
  }
}

export interface AssessmentVersionView {
  assessmentId: string;
  versionNo: number;
  kind: string;
  late: boolean;
  submittedOn: string;
  deadline: string;
  reason: string | null;
  snapshot: AssessmentSnapshot;
  warnings: Warning[];
  recordedAt: string;
}

@QueryHandler(GetNeedsAssessmentVersion)
export class GetNeedsAssessmentVersionHandler implements IQueryHandler<GetNeedsAssessmentVersion, AssessmentVersionView> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, assessmentId, versionNo, asOf }: GetNeedsAssessmentVersion) {
    return this.readModels.run(READ, asOf, async (sql) => {
      await visibleOrNotFound(sql, actor, assessmentId);
      const row = (
        await sql.query<AssessmentVersionView>(
          `SELECT assessment_id AS "assessmentId", version_no AS "versionNo", kind, late, to_char(submitted_on, 'YYYY-MM-DD') AS "submittedOn",
             to_char(deadline, 'YYYY-MM-DD') AS deadline, reason, snapshot, warnings, recorded_at AS "recordedAt"
           FROM na_versions WHERE assessment_id = $1 AND version_no = $2`,
          [assessmentId, versionNo],
        )
      ).rows[0];
      if (!row) throw new NotFoundError('version', `${assessmentId}/${versionNo}`);
      return row;
    });
  }
}

@QueryHandler(GetNeedsAssessmentHistory)
export class GetNeedsAssessmentHistoryHandler implements IQueryHandler<GetNeedsAssessmentHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, assessmentId, asOf }: GetNeedsAssessmentHistory) {
    await this.readModels.run(READ, asOf, (sql) => visibleOrNotFound(sql, actor, assessmentId));
    return this.readModels.history(needsAssessmentStream(assessmentId), asOf);
  }
}
