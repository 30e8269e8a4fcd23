import type { Projection } from '#libs/projections';
import type { PartnershipEvent } from '../domain/partnership.decider.js';

/** Universities' answers to the measures that name them: commitments, declines and subcontractors (R2, R3). */
export const partnershipsProjection: Projection = {
  name: 'partnerships',
  version: 1,
  schema: `
    CREATE TABLE pt_partnerships (
      measure_id text NOT NULL,
      university_org text NOT NULL,
      assessment_id text NOT NULL,
      office text NOT NULL,
      status text NOT NULL,
      reason text,
      explanation text,
      competence_areas jsonb,
      capacity_hours_per_year integer,
      from_year integer,
      to_year integer,
      contact_role text,
      rule_set_version text,
      subcontractors jsonb NOT NULL DEFAULT '[]',
      subcontractor_share integer NOT NULL DEFAULT 0,
      warnings jsonb NOT NULL DEFAULT '[]',
      answered_at timestamptz NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (measure_id, university_org)
    );
    CREATE INDEX pt_partnerships_by_university ON pt_partnerships (university_org);`,
  handles: ['PartnershipCommitted', 'PartnershipDeclined', 'SubcontractorAdded'],
  async apply(stored, sql) {
    const e = { type: stored.type, data: stored.data } as PartnershipEvent;
    switch (e.type) {
      case 'PartnershipCommitted':
        await sql.query(
          `INSERT INTO pt_partnerships (measure_id, university_org, assessment_id, office, status, competence_areas, capacity_hours_per_year, from_year, to_year, contact_role, rule_set_version, answered_at, version)
           VALUES ($1, $2, $3, $4, 'committed', $5::jsonb, $6, $7, $8, $9, $10, $11, $12)`,
          [e.data.measureId, e.data.university, e.data.assessmentId, e.data.office, JSON.stringify(e.data.competenceAreas), e.data.capacityHoursPerYear, e.data.fromYear, e.data.toYear, e.data.contactRole, e.data.ruleSetVersion, stored.metadata.recordedAt, stored.streamVersion],
        );
        return;
      case 'PartnershipDeclined':
        await sql.query(
          `INSERT INTO pt_partnerships (measure_id, university_org, assessment_id, office, status, reason, explanation, answered_at, version)
           VALUES ($1, $2, $3, $4, 'declined', $5, $6, $7, $8)`,
          [e.data.measureId, e.data.university, e.data.assessmentId, e.data.office, e.data.reason, e.data.explanation, stored.metadata.recordedAt, stored.streamVersion],
        );
        return;
      case 'SubcontractorAdded':
        await sql.query(
          `UPDATE pt_partnerships SET subcontractors = subcontractors || $3::jsonb, subcontractor_share = $4, warnings = $5::jsonb, version = $6
           WHERE measure_id = $1 AND university_org = $2`,
          [e.data.measureId, e.data.university, JSON.stringify([e.data.subcontractor]), e.data.totalSharePercent, JSON.stringify(e.data.warnings), stored.streamVersion],
        );
        return;
    }
  },
};
