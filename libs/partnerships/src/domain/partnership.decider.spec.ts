import { ConflictError, DomainError, NotFoundError } from '#libs/kernel';
import { fold } from '#libs/platform';
import { partnershipDecider as decider, type MeasureFacts, type PartnershipCommand, type PartnershipEvent } from './partnership.decider.js';

const UIS = '971564679';
const measure: MeasureFacts = { assessmentId: 'a-1', measureId: 'm-1', office: 'ROGALAND', scheme: 'DEKOMP', year: 2027, startYear: 2027, spanYears: 2, namesUniversity: true, withdrawn: false };
const commit: PartnershipCommand = { type: 'CommitPartnership', university: UIS, measure, competenceAreas: ['lesing'], capacityHoursPerYear: 300, fromYear: 2027, toYear: 2028, contactRole: 'faglig leder' };
const committed: PartnershipEvent = {
  type: 'PartnershipCommitted',
  data: { measureId: 'm-1', assessmentId: 'a-1', university: UIS, office: 'ROGALAND', competenceAreas: ['lesing'], capacityHoursPerYear: 300, fromYear: 2027, toYear: 2028, contactRole: 'faglig leder', ruleSetVersion: 'dekomp-2021.1' },
};
const sub = (orgNumber: string, sharePercent: number): PartnershipCommand => ({ type: 'AddSubcontractor', university: UIS, measure, subcontractor: { orgNumber, name: 'Kurs AS', kind: 'commercial', sharePercent, task: 'workshops' } });

const given = (events: PartnershipEvent[], c: PartnershipCommand) => () => decider.decide(c, fold(decider, events));
function rules(f: () => unknown): string[][] {
  try {
    f();
  } catch (e) {
    return (e as DomainError).violations.map((v) => [v.rule, v.field]);
  }
  throw new Error('expected an error');
}

describe('partnership decider', () => {
  it('Given a request, When the named university commits, Then PartnershipCommitted', () => {
    expect(given([], commit)()).toEqual([committed]);
  });

  it('R20: a university not named by the measure learns nothing of it', () => {
    expect(given([], { ...commit, measure: { ...measure, namesUniversity: false } })).toThrow(NotFoundError);
  });

  it('R3/R9: a commitment names competence areas, capacity, a period inside the measure, and a contact role', () => {
    expect(rules(given([], { ...commit, competenceAreas: [' '], capacityHoursPerYear: 0, toYear: 2029, contactRole: '' }))).toEqual([
      ['R3', 'competenceAreas'],
      ['R3', 'capacityHoursPerYear'],
      ['R9', 'period'],
      ['R3', 'contactRole'],
    ]);
  });

  it('R3: a university declines for lack of competence or capacity; it answers once', () => {
    const declined = given([], { type: 'DeclinePartnership', university: UIS, measure, reason: 'capacity', explanation: 'full' })();
    expect(declined).toEqual([{ type: 'PartnershipDeclined', data: { measureId: 'm-1', assessmentId: 'a-1', university: UIS, office: 'ROGALAND', reason: 'capacity', explanation: 'full' } }]);
    expect(given(declined, commit)).toThrow(ConflictError);
    expect(given([committed], { type: 'DeclinePartnership', university: UIS, measure, reason: 'competence', explanation: '' })).toThrow(ConflictError);
  });

  it('R2: subcontractors come under a committed university line; above 50 % in total is a warning, above 100 % refused', () => {
    expect(given([], sub('920000002', 10))).toThrow(ConflictError);
    const [first] = given([committed], sub('920000002', 40))();
    expect(first).toMatchObject({ type: 'SubcontractorAdded', data: { totalSharePercent: 40, warnings: [] } });
    const [second] = given([committed, first], sub('930000000', 20))();
    expect(second.data).toMatchObject({ totalSharePercent: 60, warnings: [{ rule: 'R2', field: 'sharePercent' }] });
    expect(rules(given([committed, first, second], sub('940000009', 50)))).toEqual([['R2', 'sharePercent']]);
  });

  it('R19/R2: a subcontractor has a valid org number and is not the university itself', () => {
    expect(rules(given([committed], sub('123456789', 10)))).toEqual([['R19', 'orgNumber']]);
    expect(rules(given([committed], sub(UIS, 10)))).toEqual([['R2', 'orgNumber']]);
  });
});
