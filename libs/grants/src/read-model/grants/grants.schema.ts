/**
 * Frames, grants (one row per decision) and grant years (one row per grant and year: recommended, decided,
 * co-financing required/committed/documented, paid, report, claims), payments and repayment claims.
 * Every table is prefixed `gr_`. A grant's version (its ETag) is decision_changes + grant_version.
 */
export const GRANTS_SCHEMA = `
    CREATE TABLE gr_ledgers (
      office text NOT NULL,
      scheme text NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (office, scheme)
    );
    CREATE TABLE gr_frames (
      office text NOT NULL,
      scheme text NOT NULL,
      year integer NOT NULL,
      amount bigint NOT NULL,
      adjustments integer NOT NULL DEFAULT 0,
      set_at timestamptz NOT NULL,
      ledger_version integer NOT NULL,
      PRIMARY KEY (office, scheme, year)
    );
    CREATE TABLE gr_grants (
      grant_id text PRIMARY KEY,
      office text NOT NULL,
      scheme text NOT NULL,
      decision_year integer NOT NULL,
      call_id text NOT NULL,
      measure_id text NOT NULL,
      recipient_org text NOT NULL,
      recipient_kind text NOT NULL,
      status text NOT NULL,
      basis text NOT NULL,
      recommendation_id text,
      deviates boolean NOT NULL,
      deviation_reason text,
      rule_set_version text NOT NULL,
      decided_on date NOT NULL,
      decision_date date NOT NULL,
      amendments integer NOT NULL DEFAULT 0,
      revocation_reason text,
      warnings jsonb NOT NULL DEFAULT '[]',
      accepted_on date,
      ledger_version integer NOT NULL,
      decision_changes integer NOT NULL DEFAULT 1,
      grant_version integer NOT NULL DEFAULT 0
    );
    CREATE INDEX gr_grants_by_office ON gr_grants (office, scheme, decision_year);
    CREATE INDEX gr_grants_by_recipient ON gr_grants (recipient_org);
    CREATE TABLE gr_grant_years (
      grant_id text NOT NULL,
      year integer NOT NULL,
      office text NOT NULL,
      scheme text NOT NULL,
      recipient_org text NOT NULL,
      decision_year integer NOT NULL,
      active boolean NOT NULL DEFAULT true,
      accepted boolean NOT NULL DEFAULT false,
      recommended bigint,
      decided bigint NOT NULL,
      co_fin_required bigint NOT NULL,
      co_fin_committed bigint,
      co_fin_documented bigint,
      shortfall bigint,
      paid bigint NOT NULL DEFAULT 0,
      report_deadline date NOT NULL,
      report_status text NOT NULL DEFAULT 'due',
      report jsonb,
      report_submitted_on date,
      report_late boolean,
      claimed bigint NOT NULL DEFAULT 0,
      repaid bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (grant_id, year)
    );
    CREATE INDEX gr_grant_years_by_office ON gr_grant_years (office, scheme, year);
    CREATE INDEX gr_grant_years_by_recipient ON gr_grant_years (recipient_org);
    CREATE TABLE gr_payments (
      payment_id text PRIMARY KEY,
      grant_id text NOT NULL,
      year integer NOT NULL,
      amount bigint NOT NULL,
      paid_on date NOT NULL,
      recorded_at timestamptz NOT NULL
    );
    CREATE INDEX gr_payments_by_grant ON gr_payments (grant_id);
    CREATE TABLE gr_claims (
      grant_id text NOT NULL,
      claim_id text NOT NULL,
      year integer,
      amount bigint NOT NULL,
      reason text NOT NULL,
      claimed_on date NOT NULL,
      settled bigint NOT NULL DEFAULT 0,
      settled_on date,
      PRIMARY KEY (grant_id, claim_id)
    );`;
