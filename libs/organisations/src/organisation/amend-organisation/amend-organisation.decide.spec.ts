import { NotFoundError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { Organisation, type OrganisationRegistered } from '../organisation.aggregate.js';
import type { AmendOrganisation } from './amend-organisation.decide.js';

const spec = deciderSpec(Organisation.decider);
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
const rename: AmendOrganisation = {
  type: 'AmendOrganisation',
  name: 'Stavanger kommune (oppvekst)',
  reason: 'name in the register',
  actorOffice: 'ROGALAND',
};

describe('amend an organisation (R19, R20, R21)', () => {
  it('Given a registered organisation, When amended, Then the amendment carries the reason', () => {
    spec
      .given([stavanger])
      .when(rename)
      .then([
        { type: 'OrganisationAmended', data: { ...stavanger.data, name: 'Stavanger kommune (oppvekst)', reason: 'name in the register' } },
      ]);
  });

  it('a new municipality number places it again (R19)', () => {
    spec
      .given([stavanger])
      .when({ ...rename, name: undefined, municipalityNumber: '4204', actorOffice: null })
      .then([
        {
          type: 'OrganisationAmended',
          data: { ...stavanger.data, municipalityNumber: '4204', countyNumber: '42', office: 'AGDER', reason: 'name in the register' },
        },
      ]);
  });

  it('R20: a governor amends only organisations of its own office, and cannot move one out of it', () => {
    spec
      .given([stavanger])
      .when({ ...rename, actorOffice: 'AGDER' })
      .thenViolatesExactly([['R20', 'countyNumber']]);
    spec
      .given([stavanger])
      .when({ ...rename, municipalityNumber: '4204' })
      .thenViolatesExactly([['R20', 'countyNumber']]);
  });

  it('Given nothing, When amended, Then not found', () => {
    spec.given([]).when(rename).thenThrows(NotFoundError);
  });
});
