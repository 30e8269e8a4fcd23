import type { Scheme } from '#libs/kernel';
import type { DecisionBasis } from '../../frame-ledger/frame-ledger.aggregate.js';
import type { LetterLanguage, LetterSettings } from '../letter-settings/letter-settings.aggregate.js';

/**
 * R22: a letter as Norwegian text blocks, a pure function of events (and names looked up for them). Rendering
 * (PDF, HTML) only lays the blocks out; it adds no words.
 */
export type LetterBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; columns: string[]; rows: string[][]; total?: string[] };

export interface LetterModel {
  language: LetterLanguage;
  title: string;
  /** The letter's date, YYYY-MM-DD (its event's date in Norway). */
  date: string;
  caseNumber: string;
  /** The office's name first, then address, phone, e-mail. */
  letterhead: string[];
  /** «Vår dato», «Vår referanse» and their values. */
  references: Array<[string, string]>;
  recipient: string[];
  blocks: LetterBlock[];
  closing: string[];
  /** R22/R23: the last day to appeal (letter date + 21 days), null when the letter is not appealable. */
  appealDeadline: string | null;
}

/** A decided year of a measure, as the letter states it. */
export interface LetterLine {
  year: number;
  amount: number;
  coFinancingRequired: number;
  reportDeadline: string;
  recommended: number | null;
}

export interface LetterMeasure {
  measureId: string;
  title: string;
  caseNumber: string;
  lines: LetterLine[];
  /** An amendment's lines before it. */
  previousLines?: LetterLine[];
  basis: DecisionBasis;
  deviates: boolean;
  /** R12: why the decision differs from the forum's recommendation. */
  deviationReason: string | null;
}

/** Who a letter goes to, as the organisation directory names it. */
export interface LetterParty {
  org: string;
  name: string;
  /** A school owner (egenandel applies) or a university. */
  schoolOwner: boolean;
}

/** Everything a grant letter states (decision, amendment, revocation, repayment claim, a round's decisions). */
export interface GrantLetterFacts {
  kind: 'decision' | 'amendment' | 'revocation' | 'repayment_claim' | 'round';
  date: string;
  scheme: Scheme;
  decisionYear: number;
  settings: LetterSettings;
  recipient: LetterParty;
  measures: LetterMeasure[];
  /** The date of the decision an amendment, revocation or claim concerns. */
  decidedOn: string | null;
  /** The reason of an amendment, revocation or claim (R21). */
  reason: string | null;
  claim: { amount: number; year: number | null } | null;
}
