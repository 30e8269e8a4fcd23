import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ForbiddenError, NotFoundError, type Actor } from '#libs/kernel';
import { ReadModels, withETag, type HistoryEntry, type HttpResult, type Warning } from '#libs/platform';
import { partnershipStream, type Subcontractor } from '../domain/partnership.decider.js';

export interface PartnershipView {
  measureId: string;
  assessmentId: string;
  callId: string;
  office: string;
  leadOwner: string;
  assessmentStatus: string;
  university: string;
  /** Whether the measure names this university now (false once it declined and was replaced). */
  current: boolean;
  local: boolean | null;
  status: 'requested' | 'committed' | 'declined';
  declineReason: string | null;
  explanation: string | null;
  competenceAreas: string[] | null;
  capacityHoursPerYear: number | null;
  fromYear: number | null;
  toYear: number | null;
  contactRole: string | null;
  subcontractors: Subcontractor[];
  subcontractorSharePercent: number;
  warnings: Warning[];
  measure: { title: string; description: string; targetGroup: string; schools: string[]; participants: unknown; startYear: number; spanYears: number };
  version: number;
}

/**
 * Every (measure, university) pair: the measure's current partner (a request, perhaps answered) and every university
 * that answered before (a decline stays visible after the owner named another). Joins the needs-assessment read model.
 */
const SELECT = `SELECT u.measure_id AS "measureId", m.assessment_id AS "assessmentId", a.call_id AS "callId", a.office, a.lead_owner AS "leadOwner",
    a.status AS "assessmentStatus", u.university, (m.university_org = u.university) AS current,
    CASE WHEN m.university_org = u.university THEN m.university_local END AS local,
    COALESCE(p.status, 'requested') AS status, p.reason AS "declineReason", p.explanation, p.competence_areas AS "competenceAreas",
    p.capacity_hours_per_year AS "capacityHoursPerYear", p.from_year AS "fromYear", p.to_year AS "toYear", p.contact_role AS "contactRole",
    COALESCE(p.subcontractors, '[]'::jsonb) AS subcontractors, COALESCE(p.subcontractor_share, 0) AS "subcontractorSharePercent",
    COALESCE(p.warnings, '[]'::jsonb) AS warnings,
    jsonb_build_object('title', m.data->'title', 'description', m.data->'description', 'targetGroup', m.data->'targetGroup', 'schools', m.data->'schools',
      'participants', m.data->'participants', 'startYear', m.data->'startYear', 'spanYears', m.data->'spanYears') AS measure,
    COALESCE(p.version, 0) AS version
  FROM (SELECT measure_id, university_org AS university FROM na_measures WHERE university_org IS NOT NULL
        UNION SELECT measure_id, university_org FROM pt_partnerships) u
  JOIN na_measures m ON m.measure_id = u.measure_id
  JOIN na_assessments a ON a.assessment_id = m.assessment_id
  LEFT JOIN pt_partnerships p ON p.measure_id = u.measure_id AND p.university_org = u.university`;

/** R20: a university its own pairs, a governor its office's, the ministry all ($1 role, $2 org or office). */
const VISIBLE = `CASE $1::text WHEN 'ministry' THEN true WHEN 'governor' THEN a.office = $2 WHEN 'university' THEN u.university = $2 ELSE false END`;
const who = (actor: Actor) => [actor.role, actor.role === 'governor' ? (actor.office ?? '') : actor.org];
const READ = ['needs_assessments', 'partnerships'];

export class ListPartnerships {
  constructor(readonly actor: Actor, readonly filter: { status?: string; university?: string }, readonly asOf?: number) {}
}
export class GetPartnership {
  constructor(readonly actor: Actor, readonly measureId: string, readonly university: string | undefined, readonly asOf?: number) {}
}
export class GetCommittedCapacity {
  constructor(readonly actor: Actor, readonly university: string | undefined, readonly asOf?: number) {}
}
export class GetPartnershipHistory {
  constructor(readonly actor: Actor, readonly measureId: string, readonly university: string | undefined, readonly asOf?: number) {}
}

function universityOf(actor: Actor, given: string | undefined): string {
  if (actor.role === 'university') return actor.org;
  if (!given) throw new ForbiddenError('name the university (?university=)');
  return given;
}

@QueryHandler(ListPartnerships)
export class ListPartnershipsHandler implements IQueryHandler<ListPartnerships, PartnershipView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, asOf }: ListPartnerships) {
    if (actor.role === 'school_owner') throw new ForbiddenError("a school owner sees its measures' partnerships on its needs assessments");
    return this.readModels.run(READ, asOf, async (sql) =>
      (
        await sql.query<PartnershipView>(
          `${SELECT} WHERE ${VISIBLE} AND ($3::text IS NULL OR COALESCE(p.status, 'requested') = $3) AND ($4::text IS NULL OR u.university = $4)
           ORDER BY a.call_id, u.measure_id, u.university`,
          [...who(actor), filter.status ?? null, filter.university ?? null],
        )
      ).rows,
    );
  }
}

@QueryHandler(GetPartnership)
export class GetPartnershipHandler implements IQueryHandler<GetPartnership, HttpResult<PartnershipView>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, measureId, university, asOf }: GetPartnership) {
    const uni = universityOf(actor, university);
    const row = await this.readModels.run(READ, asOf, async (sql) => (await sql.query<PartnershipView>(`${SELECT} WHERE ${VISIBLE} AND u.measure_id = $3 AND u.university = $4`, [...who(actor), measureId, uni])).rows[0]);
    // R20: a university reads only measures that name it; anything else is not found.
    if (!row) throw new NotFoundError('partnership', `${measureId}:${uni}`);
    return withETag(row, row.version);
  }
}

export interface CapacityView {
  university: string;
  years: Array<{ year: number; hours: number; measures: number }>;
}

@QueryHandler(GetCommittedCapacity)
export class GetCommittedCapacityHandler implements IQueryHandler<GetCommittedCapacity, CapacityView> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, university, asOf }: GetCommittedCapacity) {
    const uni = universityOf(actor, university);
    const rows = await this.readModels.run(READ, asOf, async (sql) =>
      (await sql.query<PartnershipView>(`${SELECT} WHERE ${VISIBLE} AND u.university = $3 AND p.status = 'committed' AND a.status <> 'withdrawn'`, [...who(actor), uni])).rows,
    );
    const byYear = new Map<number, { year: number; hours: number; measures: number }>();
    for (const r of rows) {
      for (let y = r.fromYear!; y <= r.toYear!; y++) {
        const e = byYear.get(y) ?? { year: y, hours: 0, measures: 0 };
        e.hours += r.capacityHoursPerYear!;
        e.measures += 1;
        byYear.set(y, e);
      }
    }
    return { university: uni, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
  }
}

@QueryHandler(GetPartnershipHistory)
export class GetPartnershipHistoryHandler implements IQueryHandler<GetPartnershipHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, measureId, university, asOf }: GetPartnershipHistory) {
    const uni = universityOf(actor, university);
    const row = await this.readModels.run(READ, asOf, async (sql) => (await sql.query(`${SELECT} WHERE ${VISIBLE} AND u.measure_id = $3 AND u.university = $4`, [...who(actor), measureId, uni])).rows[0]);
    if (!row) throw new NotFoundError('partnership', `${measureId}:${uni}`);
    return this.readModels.history(partnershipStream(measureId, uni), asOf);
  }
}
