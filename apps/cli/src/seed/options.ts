import { isKnownOfficeCode, OFFICE_CODES, type OfficeCode } from '#libs/reference-data';

/**
 * --offices: 'all' or office codes, exactly as OFFICE_CODES spells them (upper case), like npm run token and npm run
 * export: a lower-case or misspelt code is refused with the list of valid codes.
 */
export function parseOffices(raw: string | undefined): { offices: OfficeCode[]; problem?: string } {
  if (raw === undefined || raw === 'all') return { offices: [...OFFICE_CODES] };
  const codes = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = codes.filter((c) => !isKnownOfficeCode(c));
  if (codes.length === 0) return { offices: [], problem: `--offices names no office code; valid codes: ${OFFICE_CODES.join(', ')}` };
  if (unknown.length) {
    const cased = unknown.filter((c) => isKnownOfficeCode(c.toUpperCase())).map((c) => `${c.toUpperCase()}, not ${c}`);
    return {
      offices: [],
      problem: `--offices: unknown office code(s) ${unknown.join(', ')}${cased.length ? ` (codes are upper case: ${cased.join('; ')})` : ''}; valid codes: ${OFFICE_CODES.join(', ')}`,
    };
  }
  return { offices: OFFICE_CODES.filter((c) => codes.includes(c)) };
}
