import { ConflictError, type OrgKind } from '#libs/kernel';
import type { OrganisationEvent, OrganisationState } from '../organisation.aggregate.js';
import { assertInOffice, placedOrThrow } from '../placement.js';

export interface RegisterOrganisation {
  type: 'RegisterOrganisation';
  orgNumber: string;
  name: string;
  kind: OrgKind;
  municipalityNumber?: string;
  countyNumber?: string;
  /** The registering governor's office; null for the ministry (R20). */
  actorOffice: string | null;
}

/** R19: a new organisation, placed in one county and office from its numbers; R20: a governor in its own office. */
export function decideRegisterOrganisation(command: RegisterOrganisation, state: OrganisationState): OrganisationEvent[] {
  if (state) throw new ConflictError(`organisation ${command.orgNumber} is registered already`);
  const placed = placedOrThrow(command);
  assertInOffice(command.actorOffice, placed.office);
  return [{ type: 'OrganisationRegistered', data: { orgNumber: command.orgNumber, name: command.name, kind: command.kind, ...placed } }];
}
