/**
 * The to-do read model's own tables: the facts of other capabilities' published events that to-do items are made
 * of (wl_ prefix: table names are unique across read models). Items themselves are selected at query time, since
 * whether one is due, overdue or past its window depends on the service's day.
 */
export const TODOS_SCHEMA = `
  CREATE TABLE wl_calls (
    call_id text PRIMARY KEY, office text NOT NULL, scheme text NOT NULL, year integer NOT NULL, title text NOT NULL,
    deadline date NOT NULL, decision_date date NOT NULL
  );
  CREATE TABLE wl_frames (office text NOT NULL, scheme text NOT NULL, year integer NOT NULL, PRIMARY KEY (office, scheme, year));
  CREATE TABLE wl_assessments (
    assessment_id text PRIMARY KEY, call_id text NOT NULL, office text NOT NULL, lead_owner text NOT NULL, title text NOT NULL,
    revision integer NOT NULL, status text NOT NULL, late boolean NOT NULL DEFAULT false
  );
  CREATE TABLE wl_network_owners (
    assessment_id text NOT NULL, org text NOT NULL, confirmed_revision integer, PRIMARY KEY (assessment_id, org)
  );
  CREATE INDEX wl_network_owners_by_org ON wl_network_owners (org);
  CREATE TABLE wl_measures (
    measure_id text PRIMARY KEY, assessment_id text NOT NULL, title text NOT NULL, university_org text
  );
  CREATE TABLE wl_partnership_answers (measure_id text NOT NULL, university_org text NOT NULL, PRIMARY KEY (measure_id, university_org));
  CREATE TABLE wl_recommended (call_id text NOT NULL, recommendation_id text NOT NULL, measure_id text NOT NULL, PRIMARY KEY (recommendation_id, measure_id));
  CREATE TABLE wl_drafts (
    recommendation_id text PRIMARY KEY, office text NOT NULL, call_id text NOT NULL, open boolean NOT NULL
  );
  CREATE TABLE wl_draft_measures (
    recommendation_id text NOT NULL, measure_id text NOT NULL, missing jsonb NOT NULL, PRIMARY KEY (recommendation_id, measure_id)
  );
  CREATE TABLE wl_grants (
    grant_id text PRIMARY KEY, office text NOT NULL, scheme text NOT NULL, call_id text NOT NULL, measure_id text NOT NULL,
    recipient_org text NOT NULL, recipient_kind text NOT NULL, active boolean NOT NULL, accepted boolean NOT NULL, co_financing_required bigint NOT NULL,
    decided_on date NOT NULL, letters integer NOT NULL
  );
  CREATE INDEX wl_grants_by_recipient ON wl_grants (recipient_org);
  CREATE INDEX wl_grants_by_measure ON wl_grants (measure_id);
  CREATE TABLE wl_reports (
    report_id text PRIMARY KEY, source text NOT NULL, grant_id text, scheme text NOT NULL, year integer NOT NULL,
    recipient_org text NOT NULL, recipient_name text, office text, deadline date NOT NULL, submitted boolean NOT NULL DEFAULT false,
    shortfall bigint, shortfall_open boolean NOT NULL DEFAULT false
  );
  CREATE INDEX wl_reports_by_recipient ON wl_reports (recipient_org);
  CREATE INDEX wl_reports_by_office ON wl_reports (office);
  CREATE INDEX wl_reports_by_grant ON wl_reports (grant_id);
  CREATE TABLE wl_letters (
    grant_id text NOT NULL, n integer NOT NULL, kind text NOT NULL, date date NOT NULL, PRIMARY KEY (grant_id, n)
  );
  CREATE TABLE wl_appeals (
    appeal_id text PRIMARY KEY, grant_id text NOT NULL, letter_n integer NOT NULL, office text NOT NULL, appellant_org text NOT NULL,
    status text NOT NULL, lodged_on date NOT NULL, late boolean NOT NULL
  );`;
