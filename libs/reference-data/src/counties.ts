/** A county (fylke) of the 2024 structure, identified by its two-digit county number (fylkesnummer). */
export interface County {
  /** Two digits, e.g. '03', '46'. */
  number: string;
  name: string;
}

/** The 15 counties from 1 January 2024 (docs/rules.md, «Counties and governor offices»). */
export const COUNTIES: readonly County[] = Object.freeze([
  { number: '03', name: 'Oslo' },
  { number: '11', name: 'Rogaland' },
  { number: '15', name: 'Møre og Romsdal' },
  { number: '18', name: 'Nordland' },
  { number: '31', name: 'Østfold' },
  { number: '32', name: 'Akershus' },
  { number: '33', name: 'Buskerud' },
  { number: '34', name: 'Innlandet' },
  { number: '39', name: 'Vestfold' },
  { number: '40', name: 'Telemark' },
  { number: '42', name: 'Agder' },
  { number: '46', name: 'Vestland' },
  { number: '50', name: 'Trøndelag' },
  { number: '55', name: 'Troms' },
  { number: '56', name: 'Finnmark' },
]);

const BY_NUMBER = new Map(COUNTIES.map((c) => [c.number, c]));

export function countyByNumber(countyNumber: string): County | undefined {
  return BY_NUMBER.get(countyNumber);
}

export function isKnownCounty(countyNumber: string): boolean {
  return BY_NUMBER.has(countyNumber);
}
