import { DECISION_COLUMNS } from './dictionary/decision-columns.js';
import { FOLLOW_UP_COLUMNS } from './dictionary/follow-up-columns.js';
import { MEASURE_COLUMNS } from './dictionary/measure-columns.js';
import { OFFICE_COLUMNS } from './dictionary/office-columns.js';

/**
 * The data dictionary of the ministry's evaluation export: one row per measure × recipient × year (docs/rules.md,
 * "The evaluation export"). Each column is declared once (in `dictionary/`) with its machine name, Norwegian label,
 * meaning and source events; its `kind` drives CSV text, JSON values and typed, formatted XLSX cells, and the XLSX
 * carries the dictionary itself as the sheet «Dataordbok».
 */
export type ColumnKind = 'kroner' | 'integer' | 'date' | 'text' | 'boolean';

export interface Column {
  /** The machine name: the JSON key and the default CSV/XLSX heading. */
  key: string;
  /** Whole kroner (a kroner number format in XLSX), another integer, a calendar date, text or true/false. */
  kind: ColumnKind;
  /** The heading in Norwegian (bokmål), with `?labels=nb`. */
  label: string;
  /** What the value means, one sentence in bokmål. */
  meaning: string;
  /** The event types the value is read from. */
  events: readonly string[];
}

export const COLUMNS: readonly Column[] = [...MEASURE_COLUMNS, ...DECISION_COLUMNS, ...FOLLOW_UP_COLUMNS];

export { OFFICE_COLUMNS };

export type ExportRow = Record<string, string | number | boolean | null>;

export const isNumeric = (c: Column) => c.kind === 'kroner' || c.kind === 'integer';

/** The headings of CSV and XLSX: the machine names (`key`, the default) or the Norwegian labels (`nb`, bokmål). */
export const LABEL_SETS = ['key', 'nb'] as const;
export type LabelSet = (typeof LABEL_SETS)[number];

export const headingOf = (c: Column, labels: LabelSet = 'key') => (labels === 'nb' ? c.label : c.key);

/** A column's kind as the dictionary sheet names it. */
export const KIND_NAMES: Record<ColumnKind, string> = {
  kroner: 'kroner',
  integer: 'heltall',
  date: 'dato',
  text: 'tekst',
  boolean: 'sann/usann (true/false)',
};

export const MEMBER_COLUMN: Record<string, string> = {
  school_owner_public: 'membersSchoolOwnerPublic',
  school_owner_private: 'membersSchoolOwnerPrivate',
  university: 'membersUniversity',
  ks: 'membersKs',
  teacher_union: 'membersTeacherUnion',
  other: 'membersOther',
};
