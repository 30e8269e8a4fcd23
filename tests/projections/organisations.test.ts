import { organisationsProjection } from '#libs/organisations';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('projection organisations');

const stavanger = {
  orgNumber: '964965226',
  name: 'Stavanger kommune',
  kind: 'municipality',
  municipalityNumber: '1103',
  countyNumber: '11',
  office: 'ROGALAND',
};
const kristiansand = {
  orgNumber: '944496394',
  name: 'Kristiansand kommune',
  kind: 'municipality',
  municipalityNumber: '4204',
  countyNumber: '42',
  office: 'AGDER',
};
const ROWS = `SELECT org_number, name, kind, municipality_number, county_number, office, version,
  to_char(registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS registered_at FROM org_organisations ORDER BY org_number`;

describe.each(backends)('organisations read model on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(organisationsProjection, backend);
  });
  afterAll(async () => spec.close());

  it('Given registrations, Then one row per organisation with its place (R19) and stream version', async () => {
    await spec
      .given([
        { type: 'OrganisationRegistered', data: stavanger, streamId: 'Organisation-964965226' },
        { type: 'OrganisationRegistered', data: kristiansand, streamId: 'Organisation-944496394' },
      ])
      .then(
        ROWS,
        [],
        [
          {
            org_number: '944496394',
            name: 'Kristiansand kommune',
            kind: 'municipality',
            municipality_number: '4204',
            county_number: '42',
            office: 'AGDER',
            version: 1,
            registered_at: '2027-01-15T10:00',
          },
          {
            org_number: '964965226',
            name: 'Stavanger kommune',
            kind: 'municipality',
            municipality_number: '1103',
            county_number: '11',
            office: 'ROGALAND',
            version: 1,
            registered_at: '2027-01-15T10:00',
          },
        ],
      );
  });

  it('Given an amendment, Then the last facts win, the version counts it and the registration time stays (R21)', async () => {
    await spec
      .given([
        { type: 'OrganisationRegistered', data: stavanger, streamId: 'Organisation-964965226', recordedAt: '2027-01-10T08:00:00.000Z' },
        {
          type: 'OrganisationAmended',
          data: { ...stavanger, name: 'Stavanger kommune oppvekst', reason: 'registered name changed' },
          streamId: 'Organisation-964965226',
          recordedAt: '2027-02-01T09:30:00.000Z',
        },
      ])
      .then(
        ROWS,
        [],
        [
          {
            org_number: '964965226',
            name: 'Stavanger kommune oppvekst',
            kind: 'municipality',
            municipality_number: '1103',
            county_number: '11',
            office: 'ROGALAND',
            version: 2,
            registered_at: '2027-01-10T08:00',
          },
        ],
      );
  });
});
