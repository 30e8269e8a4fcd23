import { NotFoundError, type OrgKind } from '#libs/kernel';
import type { OrganisationEvent, OrganisationState } from '../organisation.aggregate.js';
import { assertInOffice, placedOrThrow } from '../placement.js';

export interface AmendOrganisation {
  type: 'AmendOrganisation';
  name?: string;
  kind?: OrgKind;
  municipalityNumber?: string;
  countyNumber?: string;
  /** Why (R21). */
  reason: string;
  /** The amending governor's office; null for the ministry (R20). */
  actorOffice: string | null;
}

/**
 * A correction, with its reason (R21), placed again (R19). A new municipality number drops the old county
 * number unless one is given. R20: a governor amends only organisations of its office, and not out of it.
 */
export function decideAmendOrganisation(command: AmendOrganisation, state: OrganisationState): OrganisationEvent[] {
  if (!state) throw new NotFoundError('organisation', '(this org number)');
  assertInOffice(command.actorOffice, state.office);
  const kind = command.kind ?? state.kind;
  const placed = placedOrThrow({
    orgNumber: state.orgNumber,
    kind,
    municipalityNumber: command.municipalityNumber ?? state.municipalityNumber,
    countyNumber: command.municipalityNumber !== undefined ? (command.countyNumber ?? null) : (command.countyNumber ?? state.countyNumber),
  });
  assertInOffice(command.actorOffice, placed.office);
  return [
    {
      type: 'OrganisationAmended',
      data: { orgNumber: state.orgNumber, name: command.name ?? state.name, kind, ...placed, reason: command.reason },
    },
  ];
}
