/**
 * Ports between capabilities. A capability reads another's facts only through these (implemented over the
 * other's read model and provided by its Nest module, globally, under the token). Command handlers look
 * facts up and pass them into the pure decider as part of the command.
 */
import type { Scheme } from './schemes.js';

// ---------- Organisations (R1, R2, R19): provided by the organisations capability ----------
export const ORG_KINDS = ['municipality', 'county_municipality', 'private_owner', 'university', 'commercial', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** School owners (skoleeier): municipality, county municipality or private owner. */
export const SCHOOL_OWNER_KINDS: readonly OrgKind[] = ['municipality', 'county_municipality', 'private_owner'];
/** Oslo (municipality number 0301) is both a municipality and its own county: Oslo kommune has the county's duties. */
export const OSLO_MUNICIPALITY_NUMBER = '0301';

/**
 * R24: the county municipality (fylkeskommune) of a county — a `county_municipality`, or Oslo kommune, which owns
 * Oslo's upper secondary schools as the county municipality of Oslo.
 */
export function holdsCountyDuties(org: { kind: OrgKind; municipalityNumber?: string | null }): boolean {
  return org.kind === 'county_municipality' || (org.kind === 'municipality' && org.municipalityNumber === OSLO_MUNICIPALITY_NUMBER);
}

/** R1: only school owners and universities receive grant money. */
export const RECIPIENT_KINDS: readonly OrgKind[] = [...SCHOOL_OWNER_KINDS, 'university'];

export interface Organisation {
  orgNumber: string;
  name: string;
  kind: OrgKind;
  /** 4 digits, for municipalities and most owners (R19). */
  municipalityNumber: string | null;
  /** 2 digits: the county that places the organisation in exactly one governor office. */
  countyNumber: string | null;
  /** Governor office code of that county. */
  office: string | null;
}

export interface OrganisationDirectory {
  get(orgNumber: string): Promise<Organisation | null>;
  getMany(orgNumbers: string[]): Promise<Map<string, Organisation>>;
}
export const ORGANISATION_DIRECTORY = Symbol('ORGANISATION_DIRECTORY');

// ---------- Measures of needs assessments: provided by the needs-assessments capability ----------
export interface MeasureInfo {
  assessmentId: string;
  measureId: string;
  callId: string;
  office: string;
  scheme: Scheme;
  /** The call's year (the decision year). */
  year: number;
  title: string;
  themes: string[];
  leadOwner: string;
  /** Every owner with money lines in the measure (R10: each keeps its own lines). */
  owners: string[];
  network: boolean;
  universities: Array<{ org: string; status: 'requested' | 'committed' | 'declined'; local: boolean }>;
  /** R9: first school year and number of years (1–3). */
  startYear: number;
  spanYears: number;
  /** Requested state money per owner (or university) and year, whole kroner. */
  requested: Array<{ org: string; year: number; amount: number }>;
  status: 'draft' | 'submitted' | 'withdrawn';
  late: boolean;
}

export interface MeasureCatalog {
  get(measureId: string): Promise<MeasureInfo | null>;
  listByCall(callId: string): Promise<MeasureInfo[]>;
}
export const MEASURE_CATALOG = Symbol('MEASURE_CATALOG');

// ---------- The forum's recommendation: provided by the forum capability ----------
export interface RecommendedLine {
  measureId: string;
  recipientOrg: string;
  year: number;
  amount: number;
}

export interface RecommendationInfo {
  recommendationId: string;
  forumId: string;
  callId: string;
  /** 'consensus' or 'vote'; 'no_agreement' means the governor decides without a recommendation (R12). */
  outcome: 'consensus' | 'vote' | 'no_agreement';
  lines: RecommendedLine[];
  recordedAt: string;
}

export interface RecommendationLookup {
  /** The forum's current (latest) recommendation for a call, or null. */
  forCall(callId: string): Promise<RecommendationInfo | null>;
}
export const RECOMMENDATION_LOOKUP = Symbol('RECOMMENDATION_LOOKUP');

// ---------- Calls for needs assessments (R14): provided by the calls capability ----------
export interface CallInfo {
  callId: string;
  office: string;
  scheme: Scheme;
  year: number;
  title: string;
  deadline: string;
  decisionDate: string;
}

export interface CallCatalog {
  /** The call as it stands now, read from its own stream (no read-model lag), or null. */
  get(callId: string): Promise<CallInfo | null>;
}
export const CALL_CATALOG = Symbol('CALL_CATALOG');

// ---------- Universities' partnership answers: provided by the partnerships capability ----------
export type PartnershipAnswer = 'requested' | 'committed' | 'declined';

export interface PartnershipRow {
  measureId: string;
  university: string;
  status: PartnershipAnswer;
  reason: string | null;
}

export interface PartnershipStatusPort {
  /** For commands: read from the partnership streams, so always current. Keys `${measureId}:${university}` that declined. */
  declined(pairs: Array<{ measureId: string; university: string }>): Promise<string[]>;
  /** For queries: the answers recorded for these measures, from the read model (as of a position). */
  forMeasures(measureIds: string[], asOf?: number): Promise<PartnershipRow[]>;
}

export const PARTNERSHIP_STATUS = Symbol('PARTNERSHIP_STATUS');
