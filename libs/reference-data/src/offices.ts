import { countyByNumber } from './counties.js';

/**
 * The governor offices (Statsforvalteren; *embete*): 10 offices cover the 15 counties. Codes are this system's own
 * short, stable identifiers (the office names have changed before and may again):
 *
 * | code                | office                                           | counties       |
 * |---------------------|--------------------------------------------------|----------------|
 * | `OBOA`              | Østfold, Buskerud, Oslo og Akershus             | 03, 31, 32, 33 |
 * | `ROGALAND`          | Rogaland                                         | 11             |
 * | `MORE_ROMSDAL`      | Møre og Romsdal                                  | 15             |
 * | `NORDLAND`          | Nordland                                         | 18             |
 * | `INNLANDET`         | Innlandet                                        | 34             |
 * | `VESTFOLD_TELEMARK` | Vestfold og Telemark                             | 39, 40         |
 * | `AGDER`             | Agder                                            | 42             |
 * | `VESTLAND`          | Vestland                                         | 46             |
 * | `TRONDELAG`         | Trøndelag                                        | 50             |
 * | `TROMS_FINNMARK`    | Troms og Finnmark                                | 55, 56         |
 *
 * Org numbers are the offices' real ones (Enhetsregisteret), as used by Digdir's public data.altinn.no «Tilda»
 * plugin (data-altinn-no/plugin-tilda, `TildaSources/Statsforvalteren*.cs`), and matching a second, independent public
 * list of the offices' numbers. Both sources predate the 2024 renaming of «Statsforvalteren i Oslo og Viken» to the
 * OBOA office; its number is taken as unchanged by the renaming (check it against Enhetsregisteret before production).
 */
export const OFFICE_CODES = [
  'OBOA',
  'ROGALAND',
  'MORE_ROMSDAL',
  'NORDLAND',
  'INNLANDET',
  'VESTFOLD_TELEMARK',
  'AGDER',
  'VESTLAND',
  'TRONDELAG',
  'TROMS_FINNMARK',
] as const;
export type OfficeCode = (typeof OFFICE_CODES)[number];

export interface GovernorOffice {
  code: OfficeCode;
  /** Official name, e.g. «Statsforvalteren i Rogaland». */
  name: string;
  orgNumber: string;
  countyNumbers: readonly string[];
}

export const GOVERNOR_OFFICES: readonly GovernorOffice[] = Object.freeze([
  {
    code: 'OBOA',
    name: 'Statsforvalteren i Østfold, Buskerud, Oslo og Akershus',
    orgNumber: '974761319',
    countyNumbers: ['03', '31', '32', '33'],
  },
  { code: 'ROGALAND', name: 'Statsforvalteren i Rogaland', orgNumber: '974763230', countyNumbers: ['11'] },
  { code: 'MORE_ROMSDAL', name: 'Statsforvalteren i Møre og Romsdal', orgNumber: '974764067', countyNumbers: ['15'] },
  { code: 'NORDLAND', name: 'Statsforvalteren i Nordland', orgNumber: '974764687', countyNumbers: ['18'] },
  { code: 'INNLANDET', name: 'Statsforvalteren i Innlandet', orgNumber: '974761645', countyNumbers: ['34'] },
  {
    code: 'VESTFOLD_TELEMARK',
    name: 'Statsforvalteren i Vestfold og Telemark',
    orgNumber: '974762501',
    countyNumbers: ['39', '40'],
  },
  { code: 'AGDER', name: 'Statsforvalteren i Agder', orgNumber: '974762994', countyNumbers: ['42'] },
  { code: 'VESTLAND', name: 'Statsforvalteren i Vestland', orgNumber: '974760665', countyNumbers: ['46'] },
  { code: 'TRONDELAG', name: 'Statsforvalteren i Trøndelag', orgNumber: '974764350', countyNumbers: ['50'] },
  {
    code: 'TROMS_FINNMARK',
    name: 'Statsforvalteren i Troms og Finnmark',
    orgNumber: '967311014',
    countyNumbers: ['55', '56'],
  },
]);

const BY_CODE = new Map<string, GovernorOffice>(GOVERNOR_OFFICES.map((o) => [o.code, o]));
const BY_COUNTY = new Map<string, GovernorOffice>(GOVERNOR_OFFICES.flatMap((o) => o.countyNumbers.map((c) => [c, o] as const)));
const BY_ORG = new Map<string, GovernorOffice>(GOVERNOR_OFFICES.map((o) => [o.orgNumber, o]));

export function isKnownOfficeCode(code: string): code is OfficeCode {
  return BY_CODE.has(code);
}

export function officeByCode(code: string): GovernorOffice | undefined {
  return BY_CODE.get(code);
}

/** The office whose org number this is (a governor's token carries the office's org number). */
export function officeByOrgNumber(orgNumber: string): GovernorOffice | undefined {
  return BY_ORG.get(orgNumber);
}

/** The office covering a county (county number, two digits); `undefined` for an unknown county. */
export function officeOfCounty(countyNumber: string): GovernorOffice | undefined {
  return countyByNumber(countyNumber) ? BY_COUNTY.get(countyNumber) : undefined;
}
