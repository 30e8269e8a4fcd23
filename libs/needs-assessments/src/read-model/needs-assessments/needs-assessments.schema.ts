import { ORGANISATION_NAMES } from '#libs/organisations';
import { namesTable } from '#libs/projections';

/** Lead owners' and network members' names, from the organisation events (as they stood, with `asOf`). */
export const NA_ORG_NAMES = namesTable('na_org_names', ORGANISATION_NAMES);

/** The needs-assessment read model's tables (prefixed `na_`); `na_calls` holds each call's deadline, from the calls' events. */
export const NEEDS_ASSESSMENTS_SCHEMA = `
  CREATE TABLE na_assessments (
    assessment_id text PRIMARY KEY,
    call_id text NOT NULL,
    office text NOT NULL,
    scheme text NOT NULL,
    year integer NOT NULL,
    lead_owner text NOT NULL,
    title text NOT NULL,
    status text NOT NULL,
    revision integer NOT NULL,
    versions integer NOT NULL,
    late boolean NOT NULL,
    warnings jsonb NOT NULL,
    state jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    submitted_at timestamptz,
    withdrawn_reason text,
    version integer NOT NULL
  );
  CREATE INDEX na_assessments_by_call ON na_assessments (office, call_id);
  CREATE TABLE na_members (
    assessment_id text NOT NULL,
    org text NOT NULL,
    role text NOT NULL,
    confirmed_revision integer,
    PRIMARY KEY (assessment_id, org)
  );
  CREATE INDEX na_members_by_org ON na_members (org);
  CREATE TABLE na_measures (
    measure_id text PRIMARY KEY,
    assessment_id text NOT NULL,
    title text NOT NULL,
    university_org text,
    university_local boolean,
    data jsonb NOT NULL
  );
  CREATE INDEX na_measures_by_university ON na_measures (university_org);
  CREATE INDEX na_measures_by_assessment ON na_measures (assessment_id);
  CREATE TABLE na_versions (
    assessment_id text NOT NULL,
    version_no integer NOT NULL,
    kind text NOT NULL,
    late boolean NOT NULL,
    submitted_on date NOT NULL,
    deadline date NOT NULL,
    reason text,
    snapshot jsonb NOT NULL,
    warnings jsonb NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (assessment_id, version_no)
  );
  CREATE TABLE na_calls (
    call_id text PRIMARY KEY,
    deadline date NOT NULL
  );`;
