import { Inject, Injectable } from '@nestjs/common';
import type { MeasureCatalog, MeasureInfo } from '#libs/kernel';
import { ReadModels } from '#libs/platform';
import type { AssessmentSnapshot, Measure, NeedsAssessmentState } from '../needs-assessment.types.js';
import { PARTNERSHIP_STATUS, type PartnershipRow, type PartnershipStatusPort } from '#libs/kernel';

interface Row {
  state: NeedsAssessmentState | string;
  snapshot: AssessmentSnapshot | string | null;
}

const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * The kernel's MeasureCatalog over the needs-assessment read model. For a submitted (or amended, or withdrawn)
 * assessment a measure is as in its latest submitted version — what the forum and the governor decide on — and a
 * draft's measures as they stand.
 */
@Injectable()
export class ReadModelMeasureCatalog implements MeasureCatalog {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(PARTNERSHIP_STATUS) private readonly partnerships: PartnershipStatusPort,
  ) {}

  async get(measureId: string): Promise<MeasureInfo | null> {
    const rows = await this.rows('WHERE a.assessment_id = (SELECT assessment_id FROM na_measures WHERE measure_id = $1)', [measureId]);
    const all = await this.infos(rows);
    return all.find((m) => m.measureId === measureId) ?? null;
  }

  async listByCall(callId: string): Promise<MeasureInfo[]> {
    return this.infos(await this.rows('WHERE a.call_id = $1', [callId]));
  }

  private rows(where: string, params: unknown[]): Promise<Row[]> {
    return this.readModels.caughtUp(
      ['needs_assessments'],
      async (sql) =>
        (
          await sql.query<Row>(
            `SELECT a.state, v.snapshot FROM na_assessments a
           LEFT JOIN na_versions v ON v.assessment_id = a.assessment_id AND v.version_no = a.versions
           ${where} ORDER BY a.created_at, a.assessment_id`,
            params,
          )
        ).rows,
    );
  }

  private async infos(rows: Row[]): Promise<MeasureInfo[]> {
    const pairs = rows.map((r) => {
      const current = parse(r.state);
      const snap = r.snapshot ? parse(r.snapshot) : null;
      const state = snap ? { ...current, content: snap.content, coOwners: snap.coOwners, measures: snap.measures } : current;
      return { state, measures: state.measures };
    });
    const answers = await this.partnerships.forMeasures(pairs.flatMap((p) => p.measures.map((m) => m.measureId)));
    return pairs.flatMap(({ state, measures }) => measures.map((m) => toInfo(state, m, answers)));
  }
}

function toInfo(s: NeedsAssessmentState, m: Measure, answers: PartnershipRow[]): MeasureInfo {
  const status = (org: string) => answers.find((a) => a.measureId === m.measureId && a.university === org)?.status ?? 'requested';
  const universities = [
    ...m.replacedUniversities.map((u) => ({ org: u.org, status: 'declined' as const, local: u.local })),
    ...(m.university ? [{ ...m.university, status: status(m.university.org) }] : []),
  ];
  const requested = new Map<string, { org: string; year: number; amount: number }>();
  for (const [org, lines] of Object.entries(m.lines)) {
    for (const l of lines.budget) {
      const key = `${org}:${l.year}`;
      const r = requested.get(key) ?? { org, year: l.year, amount: 0 };
      r.amount += l.amount;
      requested.set(key, r);
    }
  }
  const owners = [s.leadOwner, ...s.coOwners].filter((org) => m.lines[org] !== undefined);
  return {
    assessmentId: s.assessmentId!,
    measureId: m.measureId,
    callId: s.callId,
    office: s.office,
    scheme: s.scheme,
    year: s.year,
    title: m.title,
    themes: [...s.content.themes.goals, ...s.content.themes.tags],
    leadOwner: s.leadOwner,
    owners: owners.length > 0 ? owners : [s.leadOwner],
    network: s.coOwners.length > 0,
    universities,
    startYear: m.startYear,
    spanYears: m.spanYears,
    requested: [...requested.values()].sort((a, b) => a.org.localeCompare(b.org) || a.year - b.year),
    status: s.status === 'withdrawn' ? 'withdrawn' : s.status === 'draft' ? 'draft' : 'submitted',
    late: s.late,
  };
}
