import type { MeasureInfo, Organisation, Scheme } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import type { ForumState } from '../../forum/forum.aggregate.js';

export const OUTCOMES = ['consensus', 'vote', 'no_agreement'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Vote {
  for: number;
  against: number;
  abstain: number;
}

/** As sent: every R13 part may be missing, so the decider can name every missing part at once. */
export interface MeasureInput {
  measureId?: string;
  participants?: string;
  startYear?: number;
  spanYears?: number;
  criteria?: string;
  cooperatingOwners?: string[];
  cooperatingUniversities?: string[];
  amounts?: AmountInput[];
}

export interface AmountInput {
  recipientOrg?: string;
  year?: number;
  amount?: number;
}

export interface RecommendationContent {
  meetingId: string;
  outcome: Outcome;
  vote?: Vote | null;
  /** In priority order: the first is the forum's first priority. */
  measures?: MeasureInput[];
  note?: string | null;
}

/** What the handler looked up for the decider. */
export interface RecommendationFacts {
  forum: ForumState;
  call: { callId: string; office: string; scheme: Scheme; year: number } | null;
  /** R9: the longest span of a measure under the call's rule set. */
  maxSpanYears: number;
  universityPartnerRequired: boolean;
  /** The measure catalog's answers (null: not in the catalog); undefined: the measures are taken as given. */
  measures?: Record<string, MeasureInfo | null>;
  organisations: Record<string, Organisation>;
}

export interface RecommendedAmount {
  recipientOrg: string;
  year: number;
  amount: number;
}

export interface RecommendedMeasure {
  priority: number;
  measureId: string;
  participants: string;
  startYear: number;
  spanYears: number;
  criteria: string;
  cooperatingOwners: string[];
  cooperatingUniversities: string[];
  amounts: RecommendedAmount[];
}

export interface RecommendationBody {
  recommendationId: string;
  forumId: string;
  office: string;
  callId: string;
  revision: number;
  meetingId: string;
  meetingDate: string;
  presentMembers: number;
  outcome: Outcome;
  vote: Vote | null;
  measures: RecommendedMeasure[];
  note: string | null;
  warnings: Warning[];
}

export const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';
export const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
export const isKroner = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
export const isYear = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 2015 && (n as number) <= 2100;
export const isGiven = <T>(x: T | null | undefined): x is T => x !== undefined && x !== null;
