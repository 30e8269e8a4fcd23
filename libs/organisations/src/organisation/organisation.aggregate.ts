import type { OrgKind } from '#libs/kernel';
import { defineAggregate, type DomainEvent } from '#libs/platform';
import { decideAmendOrganisation, type AmendOrganisation } from './amend-organisation/amend-organisation.decide.js';
import { decideRegisterOrganisation, type RegisterOrganisation } from './register-organisation/register-organisation.decide.js';

/** An organisation in the scheme: school owner (skoleeier), university (UH), or another party. */
export interface OrganisationFacts {
  orgNumber: string;
  name: string;
  kind: OrgKind;
  municipalityNumber: string | null;
  countyNumber: string | null;
  office: string | null;
}

export type OrganisationCommand = RegisterOrganisation | AmendOrganisation;

export type OrganisationRegistered = DomainEvent<'OrganisationRegistered', OrganisationFacts>;
export type OrganisationAmended = DomainEvent<'OrganisationAmended', OrganisationFacts & { reason: string }>;
export type OrganisationEvent = OrganisationRegistered | OrganisationAmended;

export type OrganisationState = OrganisationFacts | null;

/** Every event carries the whole organisation: the state is the last one's facts. */
export function evolveOrganisation(_state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered':
      return event.data;
    case 'OrganisationAmended': {
      const { reason: _reason, ...facts } = event.data;
      return facts;
    }
  }
}

export function decideOrganisation(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  switch (command.type) {
    case 'RegisterOrganisation':
      return decideRegisterOrganisation(command, state);
    case 'AmendOrganisation':
      return decideAmendOrganisation(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const Organisation = defineAggregate<OrganisationCommand, OrganisationState, OrganisationEvent>({
  name: 'Organisation',
  decider: { initialState: null, evolve: evolveOrganisation, decide: decideOrganisation },
  eventTypes: { OrganisationRegistered: 1, OrganisationAmended: 1 },
});

/** The stream of an organisation (`Organisation-<orgNumber>`). */
export const organisationStream = (orgNumber: string) => Organisation.streamOf(orgNumber);
