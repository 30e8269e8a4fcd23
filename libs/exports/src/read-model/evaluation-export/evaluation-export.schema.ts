/**
 * The tables of the evaluation export (prefixed `ex_`): one row per measure × recipient × year in `ex_rows`, and
 * the facts the rows are joined with at query time (organisations, calls, assessments, measures, partnerships,
 * recommendations, forums and their members, frames, repayment claims).
 */
export const EVALUATION_EXPORT_SCHEMA = `
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
      provider_kind text,
      provider_org text,
      PRIMARY KEY (measure_id, recipient_org, year)
    );
    CREATE TABLE ex_appeals (
      appeal_id text PRIMARY KEY,
      measure_id text NOT NULL,
      appellant_org text NOT NULL,
      lodged_on date NOT NULL,
      late boolean NOT NULL,
      status text NOT NULL,
      outcome_on date
    );
    CREATE INDEX ex_appeals_by_row ON ex_appeals (measure_id, appellant_org);
    CREATE TABLE ex_yf_events (
      county text NOT NULL,
      position bigint NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL,
      PRIMARY KEY (county, position)
    );
    CREATE INDEX ex_rows_by_year ON ex_rows (year, office, scheme);
    CREATE INDEX ex_rows_by_grant ON ex_rows (grant_id);`;
