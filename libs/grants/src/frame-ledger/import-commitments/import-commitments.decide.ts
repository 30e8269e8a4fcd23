import { DomainError, isCalendarDate, RECIPIENT_KINDS, ruleSetFor, type OrgKind, type RuleViolation, type Scheme } from '#libs/kernel';
import { isValidOrgNumber } from '#libs/reference-data';
import type { AmountLine, DecidedLine, LedgerEvent, LedgerState } from '../frame-ledger.aggregate.js';
import { checkFrames, checkLines, reportDeadlineFor, requiredCoFinancing, schemeViolation, sortLines } from '../frame-ledger.rules.js';

/** One row of an import file, with the facts the handler looked up. */
export interface ImportRow {
  /** The grant id the row becomes (office, scheme, an id from case number and title, recipient). */
  grantId: string;
  measureId: string;
  recipientOrg: string;
  /** From ORGANISATION_DIRECTORY; null: not registered. */
  recipientKind: OrgKind | null;
  measureTitle: string;
  caseNumber: string;
  decisionDate: string;
  lines: AmountLine[];
}

export interface ImportCommitments {
  type: 'ImportCommitments';
  office: string;
  scheme: Scheme;
  rows: ImportRow[];
  today: string;
}

const same = (a: Array<{ year: number; amount: number }>, b: AmountLine[]) =>
  JSON.stringify(sortLines(a).map((l) => [l.year, l.amount])) === JSON.stringify(sortLines(b).map((l) => [l.year, l.amount]));

/** R19, R1, R2, R9 and the row's own fields: every problem of a row, named `rows[i].<field>`. */
function rowViolations(r: ImportRow, at: string, today: string, v: RuleViolation[]) {
  if (!isValidOrgNumber(r.recipientOrg))
    v.push({
      rule: 'R19',
      field: `${at}.recipientOrg`,
      message: `${r.recipientOrg} is not a valid organisation number (9 digits, mod-11 check digit)`,
    });
  else if (r.recipientKind === null)
    v.push({ rule: 'R19', field: `${at}.recipientOrg`, message: `${r.recipientOrg} is not a registered organisation: register it first` });
  else if (r.recipientKind === 'commercial')
    v.push({ rule: 'R2', field: `${at}.recipientOrg`, message: 'a commercial actor never receives grant money' });
  else if (!RECIPIENT_KINDS.includes(r.recipientKind))
    v.push({
      rule: 'R1',
      field: `${at}.recipientOrg`,
      message: `only school owners and universities receive grant money, not ${r.recipientKind}`,
    });
  if (!r.measureTitle.trim()) v.push({ rule: 'import', field: `${at}.measureTitle`, message: 'name the measure' });
  if (!r.caseNumber.trim())
    v.push({ rule: 'import', field: `${at}.caseNumber`, message: 'give the case number (saksnummer) of the decision' });
  if (!isCalendarDate(r.decisionDate))
    v.push({ rule: 'import', field: `${at}.decisionDate`, message: 'the decision date is a calendar date YYYY-MM-DD' });
  else if (r.decisionDate > today)
    v.push({ rule: 'import', field: `${at}.decisionDate`, message: `a decision made before Dekomp lies in the past, not after ${today}` });
  else {
    const lv: RuleViolation[] = [];
    checkLines(r.lines, Number(r.decisionDate.slice(0, 4)), ruleSetFor('DEKOMP', Number(r.decisionDate.slice(0, 4))).maxSpanYears, lv);
    v.push(...lv.map((x) => ({ ...x, field: `${at}.${x.field}` })));
  }
}

function importedLines(c: ImportCommitments, r: ImportRow): DecidedLine[] {
  return sortLines(r.lines).map((l) => ({
    year: l.year,
    amount: l.amount,
    reportDeadline: reportDeadlineFor(l.year),
    recommended: null,
    coFinancingRequired: requiredCoFinancing({ scheme: c.scheme, recipientKind: r.recipientKind! }, l.year, l.amount),
  }));
}

/**
 * An office's multi-year grants decided before Dekomp, as ledger events marked imported: their later years are
 * commitments (R9) on those frames (R18 where a frame is set). Every refused row is named; nothing is written
 * unless every row passes; a row already imported with the same money is skipped (a re-run writes nothing).
 */
export function decideImportCommitments(c: ImportCommitments, state: LedgerState): LedgerEvent[] {
  if (!ruleSetFor(c.scheme, Number(c.today.slice(0, 4))).governorRole) throw new DomainError([schemeViolation(c.scheme)]);
  const v: RuleViolation[] = [];
  if (c.rows.length === 0) v.push({ rule: 'import', field: 'rows', message: 'the file has no rows' });
  const seen = new Set<string>();
  const events: LedgerEvent[] = [];
  let s = state;
  c.rows.forEach((r, i) => {
    const at = `rows[${i}]`;
    const before = v.length;
    rowViolations(r, at, c.today, v);
    if (seen.has(r.grantId))
      v.push({ rule: 'import', field: at, message: `the file names ${r.recipientOrg}, case ${r.caseNumber}, "${r.measureTitle}" twice` });
    seen.add(r.grantId);
    const existing = s.grants[r.grantId];
    if (existing && !same(existing.lines, r.lines))
      v.push({
        rule: 'import',
        field: `${at}.amounts`,
        message: `${r.grantId} is in the ledger already with other amounts: amend it instead`,
      });
    if (v.length > before || existing) return;
    const fv: RuleViolation[] = [];
    checkFrames(s, r.lines, undefined, fv);
    v.push(...fv.filter((x) => !x.message.startsWith('no frame')).map((x) => ({ ...x, field: `${at}.${x.field}` })));
    if (v.length > before) return;
    const lines = importedLines(c, r);
    const event: LedgerEvent = {
      type: 'CommitmentImported',
      data: {
        ...{
          grantId: r.grantId,
          office: c.office,
          scheme: c.scheme,
          decisionYear: Number(r.decisionDate.slice(0, 4)),
          measureId: r.measureId,
          measureTitle: r.measureTitle.trim(),
        },
        ...{
          recipientOrg: r.recipientOrg,
          recipientKind: r.recipientKind!,
          lines,
          caseNumber: r.caseNumber.trim(),
          decidedOn: r.decisionDate,
          importedOn: c.today,
          imported: true as const,
        },
        ruleSetVersion: ruleSetFor(c.scheme, Number(r.decisionDate.slice(0, 4))).version,
      },
    };
    events.push(event);
    s = { ...s, grants: { ...s.grants, [r.grantId]: { ...importedCharge(event.data), changes: 1 } } };
  });
  if (v.length) throw new DomainError(v);
  return events;
}

export interface CommitmentImportedData {
  grantId: string;
  office: string;
  scheme: Scheme;
  decisionYear: number;
  measureId: string;
  measureTitle: string;
  recipientOrg: string;
  recipientKind: OrgKind;
  lines: DecidedLine[];
  caseNumber: string;
  decidedOn: string;
  importedOn: string;
  imported: true;
  ruleSetVersion: string;
}

/** The grant an imported commitment is in the ledger (its call: `import`). */
export const importedCharge = (d: CommitmentImportedData) => ({
  grantId: d.grantId,
  office: d.office,
  scheme: d.scheme,
  callId: 'import',
  measureId: d.measureId,
  recipientOrg: d.recipientOrg,
  recipientKind: d.recipientKind,
  decisionYear: d.decisionYear,
  lines: d.lines,
  status: 'active' as const,
  ruleSetVersion: d.ruleSetVersion,
  changes: 1,
});
