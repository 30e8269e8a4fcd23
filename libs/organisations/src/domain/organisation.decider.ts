import { ConflictError, DomainError, NotFoundError, SCHOOL_OWNER_KINDS, type OrgKind, type RuleViolation } from '#libs/kernel';
import { countyOfMunicipality, isKnownMunicipality, isValidOrgNumber, officeOfCounty } from '#libs/reference-data';
import type { Decider, DomainEvent } from '#libs/platform';

/** An organisation in the scheme: school owner (skoleeier), university (UH), or another party. */
export interface OrganisationFacts {
  orgNumber: string;
  name: string;
  kind: OrgKind;
  municipalityNumber: string | null;
  countyNumber: string | null;
  office: string | null;
}

export type OrganisationCommand =
  | { type: 'RegisterOrganisation'; orgNumber: string; name: string; kind: OrgKind; municipalityNumber?: string; countyNumber?: string; actorOffice: string | null }
  | { type: 'AmendOrganisation'; name?: string; kind?: OrgKind; municipalityNumber?: string; countyNumber?: string; reason: string; actorOffice: string | null };

export type OrganisationEvent =
  | DomainEvent<'OrganisationRegistered', OrganisationFacts>
  | DomainEvent<'OrganisationAmended', OrganisationFacts & { reason: string }>;

export type OrganisationState = OrganisationFacts | null;

export const organisationStream = (orgNumber: string) => `Organisation-${orgNumber}`;

/** R19: places an organisation in exactly one county and governor office, from its numbers. */
export function placeOrganisation(input: { orgNumber: string; kind: OrgKind; municipalityNumber?: string | null; countyNumber?: string | null }): {
  facts: Pick<OrganisationFacts, 'municipalityNumber' | 'countyNumber' | 'office'>;
  violations: RuleViolation[];
} {
  const violations: RuleViolation[] = [];
  if (!isValidOrgNumber(input.orgNumber)) violations.push({ rule: 'R19', field: 'orgNumber', message: 'an org number has 9 digits with a valid mod-11 check digit' });
  const municipalityNumber = input.municipalityNumber ?? null;
  let countyNumber = input.countyNumber ?? null;
  if (municipalityNumber !== null) {
    if (!isKnownMunicipality(municipalityNumber)) violations.push({ rule: 'R19', field: 'municipalityNumber', message: `${municipalityNumber} is not a municipality number` });
    else {
      const derived = countyOfMunicipality(municipalityNumber)?.number ?? null;
      if (countyNumber !== null && countyNumber !== derived) violations.push({ rule: 'R19', field: 'countyNumber', message: `municipality ${municipalityNumber} lies in county ${derived}, not ${countyNumber}` });
      countyNumber = derived;
    }
  }
  const office = countyNumber !== null ? (officeOfCounty(countyNumber)?.code ?? null) : null;
  if (countyNumber !== null && office === null) violations.push({ rule: 'R19', field: 'countyNumber', message: `${countyNumber} is not a county number` });
  if (input.kind === 'municipality' && municipalityNumber === null) violations.push({ rule: 'R19', field: 'municipalityNumber', message: 'a municipality needs its municipality number' });
  if (SCHOOL_OWNER_KINDS.includes(input.kind) && countyNumber === null) {
    violations.push({ rule: 'R19', field: 'municipalityNumber', message: 'a school owner needs a municipality or county number that places it in one county and office' });
  }
  if (input.kind === 'university' && countyNumber === null) violations.push({ rule: 'R3', field: 'countyNumber', message: 'a university needs the county of its seat, to tell local partners from others' });
  return { facts: { municipalityNumber, countyNumber, office }, violations };
}

/** R20: a governor registers and amends only organisations of its own office; the ministry any. */
function assertOffice(actorOffice: string | null, office: string | null): void {
  if (actorOffice !== null && office !== actorOffice) {
    throw DomainError.of('R20', 'countyNumber', `a governor of ${actorOffice} registers only organisations in its own office (this one is in ${office ?? 'no office'})`);
  }
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationState, OrganisationEvent> = {
  initialState: null,
  evolve(_state, event) {
    const { reason: _r, ...facts } = event.data as OrganisationFacts & { reason?: string };
    return facts;
  },
  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrganisation': {
        if (state) throw new ConflictError(`organisation ${command.orgNumber} is registered already`);
        const placed = placeOrganisation(command);
        if (placed.violations.length) throw new DomainError(placed.violations);
        assertOffice(command.actorOffice, placed.facts.office);
        return [{ type: 'OrganisationRegistered', data: { orgNumber: command.orgNumber, name: command.name, kind: command.kind, ...placed.facts } }];
      }
      case 'AmendOrganisation': {
        if (!state) throw new NotFoundError('organisation', '(this org number)');
        assertOffice(command.actorOffice, state.office);
        const kind = command.kind ?? state.kind;
        const placed = placeOrganisation({
          orgNumber: state.orgNumber,
          kind,
          municipalityNumber: command.municipalityNumber ?? state.municipalityNumber,
          countyNumber: command.municipalityNumber !== undefined ? (command.countyNumber ?? null) : (command.countyNumber ?? state.countyNumber),
        });
        if (placed.violations.length) throw new DomainError(placed.violations);
        assertOffice(command.actorOffice, placed.facts.office);
        return [{ type: 'OrganisationAmended', data: { orgNumber: state.orgNumber, name: command.name ?? state.name, kind, ...placed.facts, reason: command.reason } }];
      }
    }
  },
};
