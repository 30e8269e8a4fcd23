import {
  COUNTIES,
  GOVERNOR_OFFICES,
  MUNICIPALITIES,
  OFFICE_CODES,
  UNIVERSITIES,
  countyOfMunicipality,
  isKnownMunicipality,
  isKnownOfficeCode,
  isValidOrgNumber,
  municipalitiesOfCounty,
  municipalityByNumber,
  officeByCode,
  officeByOrgNumber,
  officeOfCounty,
  officeOfMunicipality,
  orgNumberCheckDigit,
  orgNumberWithCheckDigit,
} from './index.js';

describe('org numbers (R19, mod 11)', () => {
  it.each([
    ['974760673', 'Brønnøysundregistrene'],
    ['923609016', 'Equinor ASA'],
    ['971035854', 'Universitetet i Oslo'],
    ['974761319', 'Statsforvalteren i Østfold, Buskerud, Oslo og Akershus'],
    ['967311014', 'Statsforvalteren i Troms og Finnmark'],
  ])('accepts %s (%s)', (orgNumber) => {
    expect(isValidOrgNumber(orgNumber)).toBe(true);
  });

  it.each([
    ['974760674', 'wrong check digit'],
    ['923609015', 'wrong check digit'],
    ['97476067', 'eight digits'],
    ['9747606730', 'ten digits'],
    ['97476067X', 'a letter'],
    [' 974760673', 'a leading space'],
    ['974 760 673', 'grouped with spaces'],
    ['', 'empty'],
    ['000000060', 'remainder 1: no check digit exists'],
  ])('refuses %s (%s)', (orgNumber) => {
    expect(isValidOrgNumber(orgNumber)).toBe(false);
  });

  it('uses 0 as the check digit where the remainder is 0', () => {
    // 3*1 + 2*4 = 11: remainder 0.
    expect(orgNumberCheckDigit('14000000')).toBe(0);
    expect(isValidOrgNumber('140000000')).toBe(true);
    expect(isValidOrgNumber('140000001')).toBe(false);
  });

  it('has no check digit where the remainder is 1, and no digit makes it valid', () => {
    expect(orgNumberCheckDigit('00000006')).toBeUndefined(); // 2*6 = 12, remainder 1
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`00000006${d}`)).toBe(false);
    expect(() => orgNumberWithCheckDigit('00000006')).toThrow(/no valid mod-11 check digit/);
  });

  it('completes 8 digits to a valid number', () => {
    expect(orgNumberWithCheckDigit('97476067')).toBe('974760673');
    expect(orgNumberWithCheckDigit('92360901')).toBe('923609016');
    let made = 0;
    for (let i = 10_000_000; i < 10_000_200; i++) {
      if (orgNumberCheckDigit(String(i)) === undefined) continue;
      expect(isValidOrgNumber(orgNumberWithCheckDigit(String(i)))).toBe(true);
      made++;
    }
    expect(made).toBeGreaterThan(150);
    expect(() => orgNumberWithCheckDigit('1234567')).toThrow(RangeError);
  });

  it('every office and university in the reference data has a valid org number', () => {
    for (const o of GOVERNOR_OFFICES) expect([o.code, isValidOrgNumber(o.orgNumber)]).toEqual([o.code, true]);
    for (const u of UNIVERSITIES) expect([u.shortName, isValidOrgNumber(u.orgNumber)]).toEqual([u.shortName, true]);
    const all = [...GOVERNOR_OFFICES.map((o) => o.orgNumber), ...UNIVERSITIES.map((u) => u.orgNumber)];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('counties and governor offices (2024)', () => {
  it('has 15 counties and 10 offices', () => {
    expect(COUNTIES).toHaveLength(15);
    expect(GOVERNOR_OFFICES).toHaveLength(10);
    expect(OFFICE_CODES).toHaveLength(10);
    expect(new Set(COUNTIES.map((c) => c.number)).size).toBe(15);
  });

  it('puts every county in exactly one office', () => {
    const covered = GOVERNOR_OFFICES.flatMap((o) => o.countyNumbers).sort();
    expect(covered).toEqual(COUNTIES.map((c) => c.number).sort());
    for (const c of COUNTIES) expect(officeOfCounty(c.number)).toBeDefined();
  });

  it.each([
    ['03', 'OBOA'],
    ['31', 'OBOA'],
    ['32', 'OBOA'],
    ['33', 'OBOA'],
    ['11', 'ROGALAND'],
    ['15', 'MORE_ROMSDAL'],
    ['18', 'NORDLAND'],
    ['34', 'INNLANDET'],
    ['39', 'VESTFOLD_TELEMARK'],
    ['40', 'VESTFOLD_TELEMARK'],
    ['42', 'AGDER'],
    ['46', 'VESTLAND'],
    ['50', 'TRONDELAG'],
    ['55', 'TROMS_FINNMARK'],
    ['56', 'TROMS_FINNMARK'],
  ])('county %s belongs to %s (docs/rules.md table)', (county, office) => {
    expect(officeOfCounty(county)?.code).toBe(office);
  });

  it('knows no pre-2024 or made-up county', () => {
    for (const old of ['01', '02', '30', '38', '54', '99', '3', '030']) expect(officeOfCounty(old)).toBeUndefined();
  });

  it('finds offices by code and org number', () => {
    expect(isKnownOfficeCode('OBOA')).toBe(true);
    expect(isKnownOfficeCode('oboa')).toBe(false);
    expect(isKnownOfficeCode('FMOV')).toBe(false);
    expect(officeByCode('VESTLAND')?.orgNumber).toBe('974760665');
    expect(officeByOrgNumber('974763230')?.code).toBe('ROGALAND');
  });
});

describe('municipalities (2024)', () => {
  it('has the 357 municipalities, each number unique and four digits', () => {
    expect(MUNICIPALITIES).toHaveLength(357);
    expect(new Set(MUNICIPALITIES.map((m) => m.number)).size).toBe(357);
    for (const m of MUNICIPALITIES) expect(m.number).toMatch(/^\d{4}$/);
  });

  it('places every municipality in a known county and office', () => {
    for (const m of MUNICIPALITIES) {
      expect(countyOfMunicipality(m.number)?.number).toBe(m.number.slice(0, 2));
      expect(officeOfMunicipality(m.number)).toBeDefined();
    }
    const perCounty = Object.fromEntries(COUNTIES.map((c) => [c.number, municipalitiesOfCounty(c.number).length]));
    expect(perCounty).toEqual({
      '03': 1,
      '11': 23,
      '15': 27,
      '18': 41,
      '31': 12,
      '32': 21,
      '33': 18,
      '34': 46,
      '39': 6,
      '40': 17,
      '42': 25,
      '46': 43,
      '50': 38,
      '55': 21,
      '56': 18,
    });
  });

  it('tells the two Herøy apart by number', () => {
    expect(municipalityByNumber('1515')?.name).toMatch(/^Herøy/);
    expect(municipalityByNumber('1818')?.name).toMatch(/^Herøy/);
    expect(countyOfMunicipality('1515')?.name).toBe('Møre og Romsdal');
    expect(countyOfMunicipality('1818')?.name).toBe('Nordland');
    expect(officeOfMunicipality('1515')?.code).toBe('MORE_ROMSDAL');
    expect(officeOfMunicipality('1818')?.code).toBe('NORDLAND');
  });

  it('tells the two Våler apart by number', () => {
    expect(municipalityByNumber('3114')?.name).toMatch(/^Våler/);
    expect(municipalityByNumber('3419')?.name).toMatch(/^Våler/);
    expect(countyOfMunicipality('3114')?.name).toBe('Østfold');
    expect(countyOfMunicipality('3419')?.name).toBe('Innlandet');
    expect(officeOfMunicipality('3114')?.code).toBe('OBOA');
    expect(officeOfMunicipality('3419')?.code).toBe('INNLANDET');
  });

  it('derives a few more by number', () => {
    expect(officeOfMunicipality('0301')?.code).toBe('OBOA'); // Oslo
    expect(officeOfMunicipality('3301')?.code).toBe('OBOA'); // Drammen
    expect(officeOfMunicipality('3905')?.code).toBe('VESTFOLD_TELEMARK'); // Tønsberg
    expect(officeOfMunicipality('4003')?.code).toBe('VESTFOLD_TELEMARK'); // Skien
    expect(officeOfMunicipality('1580')?.code).toBe('MORE_ROMSDAL'); // Haram, re-established 2024
    expect(officeOfMunicipality('5601')?.code).toBe('TROMS_FINNMARK'); // Alta
    expect(officeOfMunicipality('5501')?.code).toBe('TROMS_FINNMARK'); // Tromsø
  });

  it('refuses numbers that are not 2024 municipalities', () => {
    // 0101 Halden and 1201 Bergen before 2020, 5401 Tromsø and 3803 Tønsberg before 2024, 9999 «unknown».
    for (const n of ['0101', '1201', '5401', '3803', '9999', '1199', '301', '03010', '', 'Oslo']) {
      expect(isKnownMunicipality(n)).toBe(false);
      expect(countyOfMunicipality(n)).toBeUndefined();
      expect(officeOfMunicipality(n)).toBeUndefined();
    }
  });

  it('places every seed university in a known county', () => {
    for (const u of UNIVERSITIES) expect(officeOfCounty(u.countyNumber)).toBeDefined();
  });
});
