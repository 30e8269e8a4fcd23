import { ConflictError, DomainError } from '#libs/kernel';
import { fold } from '#libs/platform';
import { organisationDecider, type OrganisationCommand, type OrganisationEvent } from './organisation.decider.js';

const when = (events: OrganisationEvent[], command: OrganisationCommand) => () => organisationDecider.decide(command, fold(organisationDecider, events));
const rules = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).violations.map((v) => `${v.rule} ${v.field}`);
  }
  return [];
};

const stavanger: OrganisationEvent = { type: 'OrganisationRegistered', data: { orgNumber: '964965226', name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103', countyNumber: '11', office: 'ROGALAND' } };

describe('organisation decider (R19, R20)', () => {
  it('Given nothing, When a municipality is registered, Then its county and office are derived from its number', () => {
    expect(when([], { type: 'RegisterOrganisation', orgNumber: '964965226', name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103', actorOffice: null })()).toEqual([stavanger]);
  });

  it('keys on numbers, not names: the two Herøy land in different offices', () => {
    const a = when([], { type: 'RegisterOrganisation', orgNumber: '964965226', name: 'Herøy kommune', kind: 'municipality', municipalityNumber: '1515', actorOffice: null })();
    const b = when([], { type: 'RegisterOrganisation', orgNumber: '964965226', name: 'Herøy kommune', kind: 'municipality', municipalityNumber: '1818', actorOffice: null })();
    expect([a[0].data.office, b[0].data.office]).toEqual(['MORE_ROMSDAL', 'NORDLAND']);
  });

  it('R19: refuses a bad org number, an unknown municipality, and an owner without a place', () => {
    expect(rules(when([], { type: 'RegisterOrganisation', orgNumber: '964965227', name: 'x', kind: 'municipality', municipalityNumber: '9999', actorOffice: null }))).toEqual(
      expect.arrayContaining(['R19 orgNumber', 'R19 municipalityNumber']),
    );
    expect(rules(when([], { type: 'RegisterOrganisation', orgNumber: '964965226', name: 'x', kind: 'private_owner', actorOffice: null }))).toEqual(['R19 municipalityNumber']);
  });

  it('R20: a governor registers only in its own office', () => {
    expect(rules(when([], { type: 'RegisterOrganisation', orgNumber: '964965226', name: 'x', kind: 'municipality', municipalityNumber: '1103', actorOffice: 'AGDER' }))).toEqual(['R20 countyNumber']);
  });

  it('Given a registered organisation, When registered again, Then a conflict; When amended, Then the amendment carries the reason', () => {
    expect(when([stavanger], { type: 'RegisterOrganisation', orgNumber: '964965226', name: 'x', kind: 'municipality', municipalityNumber: '1103', actorOffice: null })).toThrow(ConflictError);
    expect(when([stavanger], { type: 'AmendOrganisation', name: 'Stavanger kommune (oppvekst)', reason: 'name in the register', actorOffice: 'ROGALAND' })()).toEqual([
      { type: 'OrganisationAmended', data: { ...stavanger.data, name: 'Stavanger kommune (oppvekst)', reason: 'name in the register' } },
    ]);
  });
});
