/**
 * Universities and university colleges (universitet og høgskole, «UH») that educate teachers or kindergarten
 * teachers: partners in DEKOMP/REKOMP/KOMPLØFT measures (R3). Seed data, not a register: the scheme's real list of
 * partners is whatever the universities that sign up are.
 *
 * Org numbers are real (Enhetsregisteret main units), taken from public source files that resolve them against the
 * register. Those marked `crossChecked` appear identically in two independent public lists; the others
 * (Samisk høgskole, MF, VID, DMMH) in one. None is a placeholder. `countyNumber` is the county of the institution's
 * main seat as commonly known (not checked against the register); many have campuses in several counties, so do not
 * use it to decide whether a partner is «local» (R3) without the measure's own data.
 */
export interface University {
  orgNumber: string;
  name: string;
  shortName: string;
  kind: 'university' | 'university_college';
  ownership: 'state' | 'private';
  countyNumber: string;
  crossChecked: boolean;
}

export const UNIVERSITIES: readonly University[] = Object.freeze([
  {
    orgNumber: '971035854',
    name: 'Universitetet i Oslo',
    shortName: 'UiO',
    kind: 'university',
    ownership: 'state',
    countyNumber: '03',
    crossChecked: true,
  },
  {
    orgNumber: '997058925',
    name: 'OsloMet – storbyuniversitetet',
    shortName: 'OsloMet',
    kind: 'university',
    ownership: 'state',
    countyNumber: '03',
    crossChecked: true,
  },
  {
    orgNumber: '874789542',
    name: 'Universitetet i Bergen',
    shortName: 'UiB',
    kind: 'university',
    ownership: 'state',
    countyNumber: '46',
    crossChecked: true,
  },
  {
    orgNumber: '974767880',
    name: 'Norges teknisk-naturvitenskapelige universitet',
    shortName: 'NTNU',
    kind: 'university',
    ownership: 'state',
    countyNumber: '50',
    crossChecked: true,
  },
  {
    orgNumber: '970422528',
    name: 'UiT Norges arktiske universitet',
    shortName: 'UiT',
    kind: 'university',
    ownership: 'state',
    countyNumber: '55',
    crossChecked: true,
  },
  {
    orgNumber: '971564679',
    name: 'Universitetet i Stavanger',
    shortName: 'UiS',
    kind: 'university',
    ownership: 'state',
    countyNumber: '11',
    crossChecked: true,
  },
  {
    orgNumber: '970546200',
    name: 'Universitetet i Agder',
    shortName: 'UiA',
    kind: 'university',
    ownership: 'state',
    countyNumber: '42',
    crossChecked: true,
  },
  {
    orgNumber: '911770709',
    name: 'Universitetet i Sørøst-Norge',
    shortName: 'USN',
    kind: 'university',
    ownership: 'state',
    countyNumber: '40',
    crossChecked: true,
  },
  {
    orgNumber: '970940243',
    name: 'Nord universitet',
    shortName: 'Nord',
    kind: 'university',
    ownership: 'state',
    countyNumber: '18',
    crossChecked: true,
  },
  {
    orgNumber: '918108467',
    name: 'Universitetet i Innlandet',
    shortName: 'INN',
    kind: 'university',
    ownership: 'state',
    countyNumber: '34',
    crossChecked: true,
  },
  {
    orgNumber: '969159570',
    name: 'Norges miljø- og biovitenskapelige universitet',
    shortName: 'NMBU',
    kind: 'university',
    ownership: 'state',
    countyNumber: '32',
    crossChecked: true,
  },
  {
    orgNumber: '917641404',
    name: 'Høgskulen på Vestlandet',
    shortName: 'HVL',
    kind: 'university_college',
    ownership: 'state',
    countyNumber: '46',
    crossChecked: true,
  },
  {
    orgNumber: '971567376',
    name: 'Høgskolen i Østfold',
    shortName: 'HiØ',
    kind: 'university_college',
    ownership: 'state',
    countyNumber: '31',
    crossChecked: true,
  },
  {
    orgNumber: '974809672',
    name: 'Høgskulen i Volda',
    shortName: 'HVO',
    kind: 'university_college',
    ownership: 'state',
    countyNumber: '15',
    crossChecked: true,
  },
  {
    orgNumber: '971519363',
    name: 'Samisk høgskole – Sámi allaskuvla',
    shortName: 'SA',
    kind: 'university_college',
    ownership: 'state',
    countyNumber: '56',
    crossChecked: false,
  },
  {
    orgNumber: '995189186',
    name: 'NLA Høgskolen',
    shortName: 'NLA',
    kind: 'university_college',
    ownership: 'private',
    countyNumber: '46',
    crossChecked: true,
  },
  {
    orgNumber: '971574747',
    name: 'Dronning Mauds Minne Høgskole for barnehagelærerutdanning',
    shortName: 'DMMH',
    kind: 'university_college',
    ownership: 'private',
    countyNumber: '50',
    crossChecked: false,
  },
  {
    orgNumber: '917387079',
    name: 'MF vitenskapelig høyskole',
    shortName: 'MF',
    kind: 'university_college',
    ownership: 'private',
    countyNumber: '03',
    crossChecked: false,
  },
  {
    orgNumber: '915635520',
    name: 'VID vitenskapelige høgskole',
    shortName: 'VID',
    kind: 'university_college',
    ownership: 'private',
    countyNumber: '03',
    crossChecked: false,
  },
]);

const BY_ORG = new Map(UNIVERSITIES.map((u) => [u.orgNumber, u]));

export function universityByOrgNumber(orgNumber: string): University | undefined {
  return BY_ORG.get(orgNumber);
}
