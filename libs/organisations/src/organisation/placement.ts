import { DomainError, SCHOOL_OWNER_KINDS, type OrgKind, type RuleViolation } from '#libs/kernel';
import { countyOfMunicipality, isKnownMunicipality, isValidOrgNumber, officeOfCounty } from '#libs/reference-data';
import type { OrganisationFacts } from './organisation.aggregate.js';

export type Placement = Pick<OrganisationFacts, 'municipalityNumber' | 'countyNumber' | 'office'>;

/** The municipality number's county, checked against a given county number. */
function countyOf(municipalityNumber: string | null, countyNumber: string | null, violations: RuleViolation[]): string | null {
  if (municipalityNumber === null) return countyNumber;
  if (!isKnownMunicipality(municipalityNumber)) {
    violations.push({ rule: 'R19', field: 'municipalityNumber', message: `${municipalityNumber} is not a municipality number` });
    return countyNumber;
  }
  const derived = countyOfMunicipality(municipalityNumber)?.number ?? null;
  if (countyNumber !== null && countyNumber !== derived)
    violations.push({
      rule: 'R19',
      field: 'countyNumber',
      message: `municipality ${municipalityNumber} lies in county ${derived}, not ${countyNumber}`,
    });
  return derived;
}

/** R19: places an organisation in exactly one county and governor office, from its numbers. */
export function placeOrganisation(input: {
  orgNumber: string;
  kind: OrgKind;
  municipalityNumber?: string | null;
  countyNumber?: string | null;
}): {
  facts: Placement;
  violations: RuleViolation[];
} {
  const violations: RuleViolation[] = [];
  if (!isValidOrgNumber(input.orgNumber))
    violations.push({ rule: 'R19', field: 'orgNumber', message: 'an org number has 9 digits with a valid mod-11 check digit' });
  const municipalityNumber = input.municipalityNumber ?? null;
  const countyNumber = countyOf(municipalityNumber, input.countyNumber ?? null, violations);
  const office = countyNumber !== null ? (officeOfCounty(countyNumber)?.code ?? null) : null;
  if (countyNumber !== null && office === null)
    violations.push({ rule: 'R19', field: 'countyNumber', message: `${countyNumber} is not a county number` });
  if (input.kind === 'municipality' && municipalityNumber === null)
    violations.push({ rule: 'R19', field: 'municipalityNumber', message: 'a municipality needs its municipality number' });
  if (SCHOOL_OWNER_KINDS.includes(input.kind) && countyNumber === null) {
    violations.push({
      rule: 'R19',
      field: 'municipalityNumber',
      message: 'a school owner needs a municipality or county number that places it in one county and office',
    });
  }
  if (input.kind === 'university' && countyNumber === null)
    violations.push({
      rule: 'R3',
      field: 'countyNumber',
      message: 'a university needs the county of its seat, to tell local partners from others',
    });
  return { facts: { municipalityNumber, countyNumber, office }, violations };
}

/** R19 placement that must hold: every broken rule named (422). */
export function placedOrThrow(input: Parameters<typeof placeOrganisation>[0]): Placement {
  const placed = placeOrganisation(input);
  if (placed.violations.length) throw new DomainError(placed.violations);
  return placed.facts;
}

/**
 * R20 (as a rule of the directory, 422): a governor registers and amends only organisations of its own office;
 * the ministry (actorOffice null) any.
 */
export function assertInOffice(actorOffice: string | null, office: string | null): void {
  if (actorOffice !== null && office !== actorOffice) {
    throw DomainError.of(
      'R20',
      'countyNumber',
      `a governor of ${actorOffice} registers only organisations in its own office (this one is in ${office ?? 'no office'})`,
    );
  }
}
