import type { LedgerState } from '../frame-ledger/frame-ledger.aggregate.js';

/** R22: the office's default numbering of decisions (saksnummer): year, scheme and a sequence from the ledger. */
export const DEFAULT_CASE_NUMBER_FORMAT = '{year}/{scheme}-{seq}';

/** A case number from a format with `{year}`, `{scheme}`, `{office}` and `{seq}`. */
export function formatCaseNumber(format: string, parts: { year: number; scheme: string; office: string; seq: number }): string {
  return format
    .replaceAll('{year}', String(parts.year))
    .replaceAll('{scheme}', parts.scheme)
    .replaceAll('{office}', parts.office)
    .replaceAll('{seq}', String(parts.seq));
}

/** The case numbers the ledger's decisions carry. */
export const usedCaseNumbers = (state: LedgerState) =>
  new Set(Object.values(state.grants).flatMap((g) => (g.caseNumber ? [g.caseNumber] : [])));

/**
 * R22: the next case number of a ledger, deterministic from its decisions: the count of the decision year's
 * decisions plus one, skipping a number already taken (explicit case numbers may have used it).
 */
export function nextCaseNumber(
  state: LedgerState,
  c: { office: string; scheme: string; decisionYear: number },
  format = DEFAULT_CASE_NUMBER_FORMAT,
): string {
  const used = usedCaseNumbers(state);
  let seq = Object.values(state.grants).filter((g) => g.decisionYear === c.decisionYear).length + 1;
  for (;;) {
    const n = formatCaseNumber(format, { year: c.decisionYear, scheme: c.scheme, office: c.office, seq });
    if (!used.has(n)) return n;
    seq++;
  }
}

/** R22: a case number given with a decision names one decision of the ledger only. */
export function checkCaseNumber(
  state: LedgerState,
  caseNumber: string | undefined,
  violations: Array<{ rule: string; field: string; message: string }>,
) {
  if (caseNumber === undefined) return;
  if (!caseNumber.trim()) violations.push({ rule: 'R22', field: 'caseNumber', message: 'a case number is not empty' });
  else if (usedCaseNumbers(state).has(caseNumber.trim()))
    violations.push({ rule: 'R22', field: 'caseNumber', message: `case number ${caseNumber.trim()} is another decision's` });
}

/** The case number a decision records: the one given, or the office's next. */
export const caseNumberOf = (
  state: LedgerState,
  c: { office: string; scheme: string; decisionYear: number; caseNumber?: string; caseNumberFormat?: string },
) => c.caseNumber?.trim() || nextCaseNumber(state, c, c.caseNumberFormat);
