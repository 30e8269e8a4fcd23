import { type County, countyByNumber } from './counties.js';
import { MUNICIPALITY_ROWS } from './municipalities.data.js';
import { type GovernorOffice, officeOfCounty } from './offices.js';

/** A municipality (kommune), identified by its four-digit municipality number (kommunenummer). */
export interface Municipality {
  /** Four digits, e.g. '0301', '1515'. */
  number: string;
  /** Display only: never look a municipality up by name (two Herøy, two Våler). */
  name: string;
  /** The first two digits of the number. */
  countyNumber: string;
}

/** The 357 municipalities of 2024, sorted by number. See municipalities.data.ts for the source. */
export const MUNICIPALITIES: readonly Municipality[] = Object.freeze(
  MUNICIPALITY_ROWS.map(([number, name]) => Object.freeze({ number, name, countyNumber: number.slice(0, 2) })),
);

const BY_NUMBER = new Map(MUNICIPALITIES.map((m) => [m.number, m]));

export function isKnownMunicipality(municipalityNumber: string): boolean {
  return BY_NUMBER.has(municipalityNumber);
}

export function municipalityByNumber(municipalityNumber: string): Municipality | undefined {
  return BY_NUMBER.get(municipalityNumber);
}

/**
 * The county of a municipality: the first two digits of its number. `undefined` for a number that is not one of
 * the 357 (an old or mistyped number must not silently land in a county).
 */
export function countyOfMunicipality(municipalityNumber: string): County | undefined {
  const m = BY_NUMBER.get(municipalityNumber);
  return m ? countyByNumber(m.countyNumber) : undefined;
}

/** The governor office of a municipality, through its county; `undefined` for an unknown number. */
export function officeOfMunicipality(municipalityNumber: string): GovernorOffice | undefined {
  const county = countyOfMunicipality(municipalityNumber);
  return county ? officeOfCounty(county.number) : undefined;
}

/** Municipalities of one county, sorted by number. */
export function municipalitiesOfCounty(countyNumber: string): Municipality[] {
  return MUNICIPALITIES.filter((m) => m.countyNumber === countyNumber);
}
