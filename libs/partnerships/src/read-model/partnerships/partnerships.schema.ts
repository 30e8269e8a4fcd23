import { ORGANISATION_NAMES } from '#libs/organisations';
import { namesTable } from '#libs/projections';

/** The names of lead owners and universities, from the organisation events (as they stood, with `asOf`). */
export const PARTNERSHIP_ORG_NAMES = namesTable('pt_org_names', ORGANISATION_NAMES);

/**
 * The partnerships read model's tables (prefixed `pt_`): the universities' answers, and this read model's own copy
 * of the assessments and measures it shows, kept from the needs-assessment events.
 */
export const PARTNERSHIPS_SCHEMA = `
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
  CREATE INDEX pt_partnerships_by_university ON pt_partnerships (university_org);
  CREATE TABLE pt_assessments (
    assessment_id text PRIMARY KEY,
    call_id text NOT NULL,
    office text NOT NULL,
    lead_owner text NOT NULL,
    status text NOT NULL
  );
  CREATE TABLE pt_measures (
    measure_id text PRIMARY KEY,
    assessment_id text NOT NULL,
    university_org text,
    university_local boolean,
    brief jsonb NOT NULL
  );
  CREATE INDEX pt_measures_by_university ON pt_measures (university_org);`;
