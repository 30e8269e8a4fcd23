import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import { Page, historyPage, type PageRequest, type SortKey } from '#libs/http';
import { ReadModels, Versioned, type HistoryEntry } from '#libs/platform';
import { NeedsAssessment } from '../../needs-assessment/needs-assessment.aggregate.js';
import { PARTNERSHIP_STATUS, type PartnershipStatusPort } from '#libs/kernel';
import { loadDetail } from './needs-assessment-detail.js';
import { READ, summariesPage, visibleSummaryOrNotFound } from './needs-assessments.sql.js';
import type { AssessmentDetailView, AssessmentSummaryView, AssessmentVersionView } from './needs-assessments.view.js';

export class ListNeedsAssessments {
  constructor(
    readonly actor: Actor,
    readonly filter: { callId?: string; status?: string },
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetGovernorInbox {
  constructor(
    readonly actor: Actor,
    readonly callId: string,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetNeedsAssessment {
  constructor(
    readonly actor: Actor,
    readonly assessmentId: string,
    readonly asOf?: number,
  ) {}
}
export class GetNeedsAssessmentVersion {
  constructor(
    readonly actor: Actor,
    readonly assessmentId: string,
    readonly versionNo: number,
    readonly asOf?: number,
  ) {}
}
export class GetNeedsAssessmentHistory {
  constructor(
    readonly actor: Actor,
    readonly assessmentId: string,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

const BY_ID: SortKey = { expr: '"assessmentId"', type: 'text' };

@QueryHandler(ListNeedsAssessments)
export class ListNeedsAssessmentsHandler implements IQueryHandler<ListNeedsAssessments, Page<AssessmentSummaryView>> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, page, asOf }: ListNeedsAssessments) {
    AccessPolicy.assertRole(
      actor,
      ['school_owner', 'governor', 'ministry'],
      'read needs assessments (a university reads the measures that name it under /partnerships)',
    );
    return this.readModels.run(READ, asOf, (sql) =>
      summariesPage(
        sql,
        actor,
        `WHERE ($1::text IS NULL OR a.call_id = $1) AND ($2::text IS NULL OR a.status = $2)`,
        [filter.callId ?? null, filter.status ?? null],
        [{ expr: '"createdAt"', type: 'timestamptz' }, BY_ID],
        page,
      ),
    );
  }
}

/** The governor's inbox: what was submitted to a call of its office, with late flags and open warnings. */
@QueryHandler(GetGovernorInbox)
export class GetGovernorInboxHandler implements IQueryHandler<GetGovernorInbox, Page<AssessmentSummaryView>> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, callId, page, asOf }: GetGovernorInbox) {
    AccessPolicy.assertRole(actor, ['governor', 'ministry'], "read the governor office's inbox");
    // Withdrawn before it was ever submitted: no submission time, so last (as NULLs sort).
    const key: SortKey[] = [{ expr: `COALESCE("submittedAt", 'infinity')`, type: 'timestamptz' }, BY_ID];
    return this.readModels.run(READ, asOf, (sql) =>
      summariesPage(sql, actor, `WHERE a.call_id = $1 AND a.status <> 'draft'`, [callId], key, page),
    );
  }
}

/** One assessment, with its stream version as ETag (the version its commands check). */
@QueryHandler(GetNeedsAssessment)
export class GetNeedsAssessmentHandler implements IQueryHandler<GetNeedsAssessment, Versioned<AssessmentDetailView>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(PARTNERSHIP_STATUS) private readonly partnerships: PartnershipStatusPort,
  ) {}

  async execute({ actor, assessmentId, asOf }: GetNeedsAssessment) {
    const view = await this.readModels.run(READ, asOf, (sql) => loadDetail(sql, actor, assessmentId));
    const answers = await this.partnerships.forMeasures(
      view.state.measures.map((m) => m.measureId),
      asOf,
    );
    const body: AssessmentDetailView = {
      ...view.summary,
      ruleSetVersion: view.state.ruleSetVersion,
      revision: view.state.revision,
      withdrawnReason: view.withdrawnReason,
      content: view.state.content,
      members: view.members.map((m) => ({ ...m, confirmedCurrent: m.role === 'lead' || m.confirmedRevision === view.state.revision })),
      measures: view.state.measures.map((m) => ({
        ...m,
        universityName: m.university ? (view.universities.get(m.university.org) ?? null) : null,
        partnerships: answers.filter((p) => p.measureId === m.measureId),
      })),
      versionList: view.versionList,
    };
    return new Versioned(body, view.summary.version);
  }
}

@QueryHandler(GetNeedsAssessmentVersion)
export class GetNeedsAssessmentVersionHandler implements IQueryHandler<GetNeedsAssessmentVersion, AssessmentVersionView> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, assessmentId, versionNo, asOf }: GetNeedsAssessmentVersion) {
    return this.readModels.run(READ, asOf, async (sql) => {
      await visibleSummaryOrNotFound(sql, actor, assessmentId);
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
export class GetNeedsAssessmentHistoryHandler implements IQueryHandler<GetNeedsAssessmentHistory, Page<HistoryEntry>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, assessmentId, page, asOf }: GetNeedsAssessmentHistory) {
    await this.readModels.run(READ, asOf, (sql) => visibleSummaryOrNotFound(sql, actor, assessmentId));
    return historyPage(await this.readModels.history(NeedsAssessment.streamOf(assessmentId), asOf), page);
  }
}
