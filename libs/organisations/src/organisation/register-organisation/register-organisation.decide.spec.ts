import { ConflictError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { Organisation, type OrganisationRegistered } from '../organisation.aggregate.js';
import type { RegisterOrganisation } from './register-organisation.decide.js';

const spec = deciderSpec(Organisation.decider);
const register: RegisterOrganisation = {
  type: 'RegisterOrganisation',
  orgNumber: '964965226',
  name: 'Stavanger kommune',
  kind: 'municipality',
  municipalityNumber: '1103',
  actorOffice: null,
};
const stavanger: OrganisationRegistered = {
  type: 'OrganisationRegistered',
  data: {
    orgNumber: '964965226',
    name: 'Stavanger kommune',
    kind: 'municipality',
    municipalityNumber: '1103',
    countyNumber: '11',
    office: 'ROGALAND',
  },
};

describe('register an organisation (R19, R20)', () => {
  it('Given nothing, When a municipality is registered, Then its county and office are derived from its number', () => {
    spec.given([]).when(register).then([stavanger]);
  });

  it('keys on numbers, not names: the two Herøy land in different offices', () => {
    const a = spec
      .given([])
      .when({ ...register, name: 'Herøy kommune', municipalityNumber: '1515' })
      .events();
    const b = spec
      .given([])
      .when({ ...register, name: 'Herøy kommune', municipalityNumber: '1818' })
      .events();
    expect([a[0].data.office, b[0].data.office]).toEqual(['MORE_ROMSDAL', 'NORDLAND']);
  });

  it('R19: refuses a bad org number and an unknown municipality', () => {
    const found = spec
      .given([])
      .when({ ...register, orgNumber: '964965227', name: 'x', municipalityNumber: '9999' })
      .thenViolates('R19', 'orgNumber');
    expect(found.map((v) => `${v.rule} ${v.field}`)).toEqual(expect.arrayContaining(['R19 orgNumber', 'R19 municipalityNumber']));
  });

  it('R19: refuses an owner without a place', () => {
    spec
      .given([])
      .when({ type: 'RegisterOrganisation', orgNumber: '964965226', name: 'x', kind: 'private_owner', actorOffice: null })
      .thenViolatesExactly([['R19', 'municipalityNumber']]);
  });

  it('R20: a governor registers only in its own office', () => {
    spec
      .given([])
      .when({ ...register, name: 'x', actorOffice: 'AGDER' })
      .thenViolatesExactly([['R20', 'countyNumber']]);
  });

  it('Given a registered organisation, When registered again, Then a conflict', () => {
    spec
      .given([stavanger])
      .when({ ...register, name: 'x' })
      .thenThrows(ConflictError);
  });
});
