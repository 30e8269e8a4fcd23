import { ruleSetFor } from '#libs/kernel';
import { BUDGET_CATEGORIES, NATIONAL_GOALS } from '#libs/needs-assessments';
import { budgetCategories, counties, municipalities, offices, schemes, themes, universities } from './reference-catalog.js';

describe('reference catalog', () => {
  it('offices carry code, name, org number and counties; every county has its office', () => {
    expect(offices()).toHaveLength(10);
    expect(offices()).toContainEqual({
      code: 'ROGALAND',
      name: 'Statsforvalteren i Rogaland',
      orgNumber: '974763230',
      countyNumbers: ['11'],
    });
    expect(counties()).toHaveLength(15);
    expect(counties().every((c) => c.office !== null)).toBe(true);
  });

  it('municipalities: all 357, or one county', () => {
    expect(municipalities()).toHaveLength(357);
    const rogaland = municipalities('11');
    expect(rogaland.every((m) => m.countyNumber === '11' && m.office === 'ROGALAND')).toBe(true);
    expect(rogaland).toContainEqual({ number: '1103', name: 'Stavanger', countyNumber: '11', office: 'ROGALAND' });
  });

  it('universities by org number', () => {
    expect(universities()).toContainEqual(expect.objectContaining({ orgNumber: '971564679', shortName: 'UiS' }));
  });

  it('schemes: the rule set of each year as ruleSetFor gives it, with full default dates', () => {
    const [dekomp, rekomp, , yrkesfag] = schemes(2027, 2028);
    expect(dekomp.ruleSets.map((r) => r.year)).toEqual([2027, 2028]);
    expect(dekomp.ruleSets[0]).toMatchObject({
      coFinancingPercent: ruleSetFor('DEKOMP', 2027).coFinancingPercent,
      version: 'dekomp-2021.1',
      defaultCallDeadline: '2027-02-01',
      defaultDecisionDate: '2027-04-30',
      coordinatorWarnPercent: 10,
    });
    expect(rekomp.ruleSets[0].coFinancingPercent).toBe(0);
    expect(yrkesfag).toMatchObject({ scheme: 'YRKESFAG', governorRole: false });
    expect(schemes(2027, 2027, 'KOMPLOFT').map((s) => s.scheme)).toEqual(['KOMPLOFT']);
  });

  it('themes and budget categories are exactly what the needs-assessment DTOs accept', () => {
    expect(themes().map((t) => t.code)).toEqual([...NATIONAL_GOALS]);
    expect(budgetCategories().map((c) => c.code)).toEqual([...BUDGET_CATEGORIES]);
  });
});
