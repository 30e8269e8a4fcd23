import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '#libs/kernel';
import { fold } from '#libs/platform';
import { needsAssessmentDecider as decider } from './needs-assessment.decider.js';
import type { AssessmentContent, MeasureFields, NeedsAssessmentCommand, NeedsAssessmentEvent, OrgFacts } from './needs-assessment.types.js';

const A = 'a-1';
const LEAD = '964965226';
const CO = '910000004';
const OTHER = '920000002';
const UIS = '971564679';
const UIA = '970546200';
const lead = { role: 'school_owner', org: LEAD };
const co = { role: 'school_owner', org: CO };
const call = { callId: 'rogaland-dekomp-2027', office: 'ROGALAND', scheme: 'DEKOMP' as const, year: 2027, deadline: '2027-02-01' };
const owner = (orgNumber: string, office = 'ROGALAND'): OrgFacts => ({ orgNumber, kind: 'municipality', office });
const uni = (orgNumber: string, office = 'ROGALAND'): OrgFacts => ({ orgNumber, kind: 'university', office });

const measure: MeasureFields = { title: 'Lesing i alle fag', description: 'd', targetGroup: 'lærere 1–7', schools: ['Hundvåg skole'], participants: { teachers: 40, leaders: 4, otherStaff: 2 }, startYear: 2027, spanYears: 2 };
const content: AssessmentContent = {
  title: 'Behovsmelding Stavanger',
  summary: 'Analysis',
  anchoring: { staffInvolvement: 'workshops', leaderInvolvement: 'rektormøte', universityParticipation: 'UiS in the analysis', plans: ['Kompetanseplan 2026–2029'] },
  themes: { goals: ['basic_skills'], tags: ['lesing'] },
};

const drafted: NeedsAssessmentEvent = { type: 'NeedsAssessmentDrafted', data: { assessmentId: A, callId: call.callId, office: 'ROGALAND', scheme: 'DEKOMP', year: 2027, leadOwner: LEAD, title: 't', summary: '', ruleSetVersion: 'dekomp-2021.1' } };

function run(events: NeedsAssessmentEvent[], ...commands: NeedsAssessmentCommand[]): NeedsAssessmentEvent[] {
  let all = [...events];
  let last: NeedsAssessmentEvent[] = [];
  for (const c of commands) {
    last = decider.decide(c, fold(decider, all));
    all = [...all, ...last];
  }
  return last;
}
function history(events: NeedsAssessmentEvent[], ...commands: NeedsAssessmentCommand[]): NeedsAssessmentEvent[] {
  let all = [...events];
  for (const c of commands) all = [...all, ...decider.decide(c, fold(decider, all))];
  return all;
}
function violations(f: () => unknown): Array<[string, string]> {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.violations.map((v) => [v.rule, v.field]);
    throw e;
  }
  throw new Error('expected a DomainError');
}

const addMeasure = (measureId = 'm-1', university = uni(UIS), fields = measure): NeedsAssessmentCommand => ({ type: 'AddMeasure', actor: lead, measureId, measure: fields, university, universityOrg: university.orgNumber });
const lines = (org: string, amount: number, coFinancing: number, actor = lead): NeedsAssessmentCommand => ({
  type: 'SetMeasureLines',
  actor,
  measureId: 'm-1',
  org,
  lines: { budget: [{ year: 2027, category: 'implementation', amount }], coFinancing: coFinancing ? [{ year: 2027, amount: coFinancing, form: 'salary' }] : [] },
});
const submit = (today = '2027-01-15', declinedPartners: string[] = []): NeedsAssessmentCommand => ({ type: 'Submit', actor: lead, today, deadline: call.deadline, declinedPartners });
const ready = () => history([drafted], { type: 'UpdateContent', actor: lead, content }, addMeasure(), lines(LEAD, 100_000, 30_000));

describe('needs assessment decider', () => {
  it('Given nothing, When an owner of the office drafts for the call, Then NeedsAssessmentDrafted with the rule-set version', () => {
    expect(run([], { type: 'CreateDraft', assessmentId: A, actor: lead, call, lead: owner(LEAD), title: 't', summary: '' })).toEqual([drafted]);
  });

  it('R1/R19: the lead must be a registered school owner of the call\'s office', () => {
    const create = (o: OrgFacts | null) => () => run([], { type: 'CreateDraft', assessmentId: A, actor: lead, call, lead: o, title: 't', summary: '' });
    expect(violations(create(null))).toEqual([['R19', 'leadOwner']]);
    expect(violations(create({ orgNumber: LEAD, kind: 'commercial', office: 'ROGALAND' }))).toEqual([['R1', 'leadOwner']]);
    expect(violations(create(owner(LEAD, 'AGDER')))).toEqual([['R19', 'callId']]);
  });

  it('R10: the lead invites owners of the same office into a network; others may not', () => {
    expect(run([drafted], { type: 'InviteNetworkOwner', actor: lead, owner: owner(CO), orgNumber: CO })).toEqual([{ type: 'NetworkOwnerInvited', data: { assessmentId: A, org: CO, revision: 2 } }]);
    expect(violations(() => run([drafted], { type: 'InviteNetworkOwner', actor: lead, owner: { orgNumber: CO, kind: 'university', office: 'ROGALAND' }, orgNumber: CO }))).toEqual([['R1', 'orgNumber']]);
    expect(violations(() => run([drafted], { type: 'InviteNetworkOwner', actor: lead, owner: owner(CO, 'AGDER'), orgNumber: CO }))).toEqual([['R19', 'orgNumber']]);
  });

  it('R20: an owner outside the assessment gets not-found, a network owner doing the lead\'s work forbidden', () => {
    const net = history([drafted], { type: 'InviteNetworkOwner', actor: lead, owner: owner(CO), orgNumber: CO });
    expect(() => run(net, { type: 'UpdateContent', actor: { role: 'school_owner', org: OTHER }, content })).toThrow(NotFoundError);
    expect(() => run(net, { type: 'UpdateContent', actor: co, content })).toThrow(ForbiddenError);
    expect(() => run(net, lines(LEAD, 1, 0, co))).toThrow(NotFoundError); // no measure yet
  });

  it('R3: a commercial actor is never a partner (R2), the partner must be a university, and one outside the region is a warning', () => {
    expect(violations(() => run([drafted], addMeasure('m-1', { orgNumber: UIS, kind: 'commercial', office: 'ROGALAND' })))).toEqual([['R2', 'university']]);
    expect(violations(() => run([drafted], addMeasure('m-1', { orgNumber: UIS, kind: 'other', office: 'ROGALAND' })))).toEqual([['R3', 'university']]);
    const [added] = run([drafted], addMeasure('m-1', uni(UIA, 'AGDER')));
    expect(added).toMatchObject({ type: 'MeasureAdded', data: { measure: { university: { org: UIA, local: false } }, warnings: [{ rule: 'R3', field: 'measures[0].university' }] } });
  });

  it('R9: one to three school years, from the call year', () => {
    expect(violations(() => run([drafted], addMeasure('m-1', uni(UIS), { ...measure, spanYears: 4, startYear: 2025 })))).toEqual([
      ['R9', 'spanYears'],
      ['R9', 'startYear'],
    ]);
  });

  it('R5/R6/R7/R9: lines name every broken rule together', () => {
    const withMeasure = history([drafted], addMeasure());
    const cmd: NeedsAssessmentCommand = {
      type: 'SetMeasureLines',
      actor: lead,
      measureId: 'm-1',
      org: LEAD,
      lines: {
        budget: [{ year: 2030, category: 'travel', amount: 1.5, creditBearing: true, individual: true }],
        coFinancing: [{ year: 2027, amount: 10, form: 'goodwill' }],
      },
    };
    expect(violations(() => run(withMeasure, cmd))).toEqual([
      ['R6', 'budget[0].category'],
      ['R5', 'budget[0].creditBearing'],
      ['R5', 'budget[0].individual'],
      ['money', 'budget[0].amount'],
      ['R9', 'budget[0].year'],
      ['R7', 'coFinancing[0].form'],
    ]);
    expect(violations(() => run(withMeasure, lines(UIS, 10_000, 5_000)))).toEqual([['R7', 'coFinancing[0]']]);
  });

  it('R6 coordinator share and R7 co-financing below the minimum are warnings', () => {
    const withMeasure = history([drafted], addMeasure());
    const [set] = run(withMeasure, {
      type: 'SetMeasureLines',
      actor: lead,
      measureId: 'm-1',
      org: LEAD,
      lines: { budget: [{ year: 2027, category: 'implementation', amount: 80_000 }, { year: 2027, category: 'coordinator', amount: 20_000 }], coFinancing: [{ year: 2027, amount: 29_999, form: 'money' }] },
    });
    expect(set.data).toMatchObject({ warnings: [{ rule: 'R6' }, { rule: 'R7', message: expect.stringContaining('minimum for 100000 requested is 30000') }] });
    const [ok] = run(withMeasure, lines(LEAD, 100_000, 30_000));
    expect(ok.data).toMatchObject({ warnings: [] });
  });

  it('R10: each network owner sets only its own lines; the lead also the university line', () => {
    const net = history([drafted], { type: 'InviteNetworkOwner', actor: lead, owner: owner(CO), orgNumber: CO }, addMeasure());
    expect(() => run(net, lines(LEAD, 1, 0, co))).toThrow(ForbiddenError);
    expect(() => run(net, lines(CO, 1, 0, lead))).toThrow(ForbiddenError);
    expect(run(net, lines(CO, 1, 1, co))[0].type).toBe('MeasureLinesSet');
    expect(run(net, lines(UIS, 1, 0, lead))[0].type).toBe('MeasureLinesSet');
  });

  it('R4/R3/R6: submitting an empty draft lists every broken rule', () => {
    expect(violations(() => run(history([drafted], addMeasure()), submit()))).toEqual([
      ['R4', 'summary'],
      ['R4', 'anchoring.staffInvolvement'],
      ['R4', 'anchoring.leaderInvolvement'],
      ['R4', 'anchoring.universityParticipation'],
      ['R4', 'anchoring.plans'],
      ['R6', 'measures[0].lines'],
    ]);
    expect(violations(() => run([drafted], submit()))).toContainEqual(['measures', 'measures']);
  });

  it('R10: every network owner confirms the current revision before submission; a later change needs a new confirmation', () => {
    const net = history(ready(), { type: 'InviteNetworkOwner', actor: lead, owner: owner(CO), orgNumber: CO }, lines(CO, 50_000, 15_000, co));
    expect(violations(() => run(net, submit()))).toEqual([['R10', `network.${CO}`]]);
    const confirmed = history(net, { type: 'ConfirmOwnerPart', actor: co });
    expect(run(confirmed, submit())[0]).toMatchObject({ type: 'NeedsAssessmentSubmitted', data: { version: 1, late: false, snapshot: { coOwners: [CO] } } });
    const changedAfter = history(confirmed, lines(LEAD, 90_000, 27_000));
    expect(violations(() => run(changedAfter, submit()))).toEqual([['R10', `network.${CO}`]]);
    expect(() => run(confirmed, { type: 'ConfirmOwnerPart', actor: lead })).toThrow(ForbiddenError);
  });

  it('R14: a submission after the deadline is accepted and marked late', () => {
    const [e] = run(ready(), submit('2027-02-02'));
    expect(e).toMatchObject({ type: 'NeedsAssessmentSubmitted', data: { late: true, submittedOn: '2027-02-02', deadline: '2027-02-01' } });
  });

  it('R14/R21: amending before the deadline creates version 2 with its reason; after the deadline it is refused', () => {
    const submitted = history(ready(), submit());
    const edited = history(submitted, lines(LEAD, 120_000, 36_000));
    const [amended] = run(edited, { type: 'Amend', actor: lead, today: '2027-01-20', deadline: call.deadline, declinedPartners: [], reason: 'more schools' });
    expect(amended).toMatchObject({ type: 'NeedsAssessmentAmended', data: { version: 2, reason: 'more schools', snapshot: { measures: [{ lines: { [LEAD]: { budget: [{ amount: 120_000 }] } } }] } } });
    expect(violations(() => run(edited, { type: 'Amend', actor: lead, today: '2027-02-02', deadline: call.deadline, declinedPartners: [], reason: 'x' }))).toEqual([['R14', 'deadline']]);
    expect(() => run(submitted, submit())).toThrow(ConflictError);
  });

  it('R21: withdrawal keeps the reason; a withdrawn assessment takes no more changes', () => {
    const submitted = history(ready(), submit());
    const withdrawn = history(submitted, { type: 'Withdraw', actor: lead, reason: 'merged with the network' });
    expect(withdrawn.at(-1)).toEqual({ type: 'NeedsAssessmentWithdrawn', data: { assessmentId: A, reason: 'merged with the network' } });
    expect(() => run(withdrawn, lines(LEAD, 1, 1))).toThrow(ConflictError);
    expect(() => run(history(ready()), { type: 'Withdraw', actor: lead, reason: 'x' })).toThrow(ConflictError);
  });

  it('R3: a declined partner blocks submission; the owner replaces it only after the decline, with another university', () => {
    const r = ready();
    expect(violations(() => run(r, submit('2027-01-15', [`m-1:${UIS}`])))).toEqual([['R3', 'measures[0].university']]);
    const replace = (declined: boolean, university = uni(UIA, 'AGDER')): NeedsAssessmentCommand => ({ type: 'ReplaceUniversityPartner', actor: lead, measureId: 'm-1', university, universityOrg: university.orgNumber, currentPartnerDeclined: declined, reason: 'UiS lacks capacity' });
    expect(violations(() => run(r, replace(false)))).toEqual([['R3', 'university']]);
    expect(violations(() => run(r, replace(true, uni(UIS))))).toEqual([['R3', 'universityOrg']]);
    const [replaced] = run(r, replace(true));
    expect(replaced).toMatchObject({ type: 'UniversityPartnerReplaced', data: { previous: { org: UIS, local: true }, university: { org: UIA, local: false }, warnings: [{ rule: 'R3' }] } });
    const after = history(r, replace(true));
    expect(run(after, submit('2027-01-15', [`m-1:${UIS}`]))[0].type).toBe('NeedsAssessmentSubmitted');
  });
});
