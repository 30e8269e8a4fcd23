import {
  COUNTIES,
  GOVERNOR_OFFICES,
  municipalitiesOfCounty,
  orgNumberCheckDigit,
  UNIVERSITIES,
  type OfficeCode,
} from '#libs/reference-data';
import { Prng } from './prng.js';
import { MINISTRY_ORG, type OrgPlan } from './plan.types.js';
import { SUBCONTRACTORS } from './texts.js';

/** A valid, stable org number from 7 digits: the first 8th digit that admits a mod-11 check digit. */
export function synthOrg(prefix7: string, taken: Set<string>): string {
  for (let d = 0; d <= 9; d++) {
    const first8 = `${prefix7}${d}`;
    const check = orgNumberCheckDigit(first8);
    if (check === undefined) continue;
    const org = `${first8}${check}`;
    if (!taken.has(org)) {
      taken.add(org);
      return org;
    }
  }
  throw new Error(`no free org number with prefix ${prefix7}`);
}

const shortName = (name: string) => name.split(' - ')[0].trim();

const PRIVATE_NAMES = [
  'Steinerskolen i {m}',
  '{m} friskole',
  'Kristen grunnskole {m}',
  'Montessoriskolen i {m}',
  '{m} private ungdomsskole',
];

/** The real org numbers a synthetic one must never take: universities, governor offices, the ministry. */
export const realOrgNumbers = () =>
  new Set<string>([...UNIVERSITIES.map((u) => u.orgNumber), ...GOVERNOR_OFFICES.map((o) => o.orgNumber), MINISTRY_ORG]);

/**
 * The organisations of the selected offices: every municipality (real number; a synthetic but valid org number, as
 * the reference data has none), a few private owners, every county municipality (all 15 with Oslo kommune, for YRKESFAG), every university with teacher
 * education (real org numbers) and three commercial providers (subcontractors only, R2). They do not depend on the
 * seed, so runs with different seeds share them.
 */
export function planOrganisations(offices: OfficeCode[]): OrgPlan[] {
  const taken = realOrgNumbers();
  const orgs: OrgPlan[] = [];
  for (const u of UNIVERSITIES)
    orgs.push({ orgNumber: u.orgNumber, name: u.name, kind: 'university', countyNumber: u.countyNumber, office: null });
  for (let i = 0; i < SUBCONTRACTORS.length; i++) {
    orgs.push({
      orgNumber: synthOrg(`899000${i}`, taken),
      name: SUBCONTRACTORS[i].name,
      kind: 'commercial',
      countyNumber: '03',
      office: null,
    });
  }
  for (const code of offices) {
    const office = GOVERNOR_OFFICES.find((o) => o.code === code)!;
    const rng = new Prng(0x5eed).fork(`orgs:${code}`);
    const municipalities = office.countyNumbers.flatMap((c) => municipalitiesOfCounty(c));
    for (const m of municipalities) {
      orgs.push({
        orgNumber: synthOrg(`9${m.number}00`, taken),
        name: `${shortName(m.name)} kommune`,
        kind: 'municipality',
        municipalityNumber: m.number,
        office: code,
      });
    }
    for (const c of office.countyNumbers) orgs.push(...countyMunicipality(c, code, taken));
    const privates = rng.int(2, 4);
    for (let i = 0; i < privates; i++) {
      const m = rng.pick(municipalities);
      const name = rng.pick(PRIVATE_NAMES).replace('{m}', shortName(m.name));
      if (orgs.some((o) => o.name === name)) continue;
      orgs.push({
        orgNumber: synthOrg(`8${m.number}1${i}`, taken),
        name,
        kind: 'private_owner',
        municipalityNumber: m.number,
        office: code,
      });
    }
  }
  // YRKESFAG (R24) goes to every county municipality, whatever --offices says: those of the other offices too.
  for (const office of GOVERNOR_OFFICES.filter((o) => !offices.includes(o.code)))
    for (const c of office.countyNumbers) orgs.push(...countyMunicipality(c, office.code, taken, true));
  return orgs;
}

/**
 * The county municipality of a county. Oslo's is Oslo kommune, a municipality: registered with its office's
 * municipalities when that office is seeded (`withOslo` false), else here on its own, with the same number.
 */
function countyMunicipality(countyNumber: string, office: OfficeCode, taken: Set<string>, withOslo = false): OrgPlan[] {
  if (countyNumber === '03') {
    if (!withOslo) return [];
    const oslo = municipalitiesOfCounty('03')[0];
    return [
      {
        orgNumber: synthOrg(`9${oslo.number}00`, taken),
        name: `${shortName(oslo.name)} kommune`,
        kind: 'municipality',
        municipalityNumber: oslo.number,
        office,
      },
    ];
  }
  const county = COUNTIES.find((x) => x.number === countyNumber)!;
  return [
    {
      orgNumber: synthOrg(`9${countyNumber}0000`, taken),
      name: `${county.name} fylkeskommune`,
      kind: 'county_municipality',
      countyNumber,
      office,
    },
  ];
}
