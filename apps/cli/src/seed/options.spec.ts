import { OFFICE_CODES } from '#libs/reference-data';
import { parseOffices } from './options.js';

describe('seed --offices: the codes as npm run token takes them', () => {
  it('takes all, or upper-case codes in the reference order', () => {
    expect(parseOffices(undefined)).toEqual({ offices: [...OFFICE_CODES] });
    expect(parseOffices('all')).toEqual({ offices: [...OFFICE_CODES] });
    expect(parseOffices('AGDER, ROGALAND')).toEqual({ offices: ['ROGALAND', 'AGDER'] });
  });

  it('refuses a lower-case code, naming the upper-case one and listing the valid codes', () => {
    const { problem } = parseOffices('rogaland,AGDER');
    expect(problem).toContain('unknown office code(s) rogaland');
    expect(problem).toContain('codes are upper case: ROGALAND, not rogaland');
    expect(problem).toContain(`valid codes: ${OFFICE_CODES.join(', ')}`);
  });

  it('refuses a typo and an empty list with the valid codes', () => {
    expect(parseOffices('ROGALND').problem).toBe(`--offices: unknown office code(s) ROGALND; valid codes: ${OFFICE_CODES.join(', ')}`);
    expect(parseOffices(' , ').problem).toBe(`--offices names no office code; valid codes: ${OFFICE_CODES.join(', ')}`);
  });
});
