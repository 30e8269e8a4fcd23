import type { LabelSet } from '../columns.js';

/**
 * Whole kroner with thousands grouping: Excel groups with the reader's own separator (a space in Norway: «1 250 000 kr»).
 * Dates are real date cells shown the Norwegian way.
 */
export const KRONER_FORMAT = '#,##0 "kr"';
export const DATE_FORMAT = 'dd.mm.yyyy';

/** The sheet names, in the headings' language. «Dataordbok» (the data dictionary) is always Norwegian. */
export const SHEET_NAMES: Record<LabelSet, { rows: string; offices: string }> = {
  key: { rows: 'Evaluation', offices: 'Offices' },
  nb: { rows: 'Evaluering', offices: 'Embeter' },
};
export const DICTIONARY_SHEET = 'Dataordbok';
