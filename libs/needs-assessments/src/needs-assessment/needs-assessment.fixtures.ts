/** Shared Given/When fixtures of the needs-assessment decide specs (test support, not used in production). */
import type { Actor } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { NeedsAssessment, type NeedsAssessmentCommand } from './needs-assessment.aggregate.js';
import type { NeedsAssessmentEvent } from './needs-assessment.events.js';
import type { AssessmentContent, MeasureFields, OrgFacts } from './needs-assessment.types.js';

export const spec = deciderSpec(NeedsAssessment.decider);

export const A = 'a-1';
export const LEAD = '964965226';
export const CO = '910000004';
export const OTHER = '920000002';
export const UIS = '971564679';
export const UIA = '970546200';
export const lead: Actor = { role: 'school_owner', org: LEAD, subject: 'lead' };
export const co: Actor = { role: 'school_owner', org: CO, subject: 'co' };
export const other: Actor = { role: 'school_owner', org: OTHER, subject: 'other' };
export const call = { callId: 'rogaland-dekomp-2027', office: 'ROGALAND', scheme: 'DEKOMP' as const, year: 2027, deadline: '2027-02-01' };
export const owner = (orgNumber: string, office = 'ROGALAND'): OrgFacts => ({ orgNumber, kind: 'municipality', office });
export const uni = (orgNumber: string, office = 'ROGALAND'): OrgFacts => ({ orgNumber, kind: 'university', office });

export const measure: MeasureFields = {
  title: 'Lesing i alle fag',
  description: 'd',
  targetGroup: 'lærere 1–7',
  schools: ['Hundvåg skole'],
  participants: { teachers: 40, leaders: 4, otherStaff: 2 },
  startYear: 2027,
  spanYears: 2,
};
export const content: AssessmentContent = {
  title: 'Behovsmelding Stavanger',
  summary: 'Analysis',
  anchoring: {
    staffInvolvement: 'workshops',
    leaderInvolvement: 'rektormøte',
    universityParticipation: 'UiS in the analysis',
    plans: ['Kompetanseplan 2026–2029'],
  },
  themes: { goals: ['basic_skills'], tags: ['lesing'] },
};

export const drafted: NeedsAssessmentEvent = {
  type: 'NeedsAssessmentDrafted',
  data: {
    assessmentId: A,
    callId: call.callId,
    office: 'ROGALAND',
    scheme: 'DEKOMP',
    year: 2027,
    leadOwner: LEAD,
    title: 't',
    summary: '',
    ruleSetVersion: 'dekomp-2021.1',
  },
};

/** The given events followed by what each command decides, in turn. */
export function history(events: NeedsAssessmentEvent[], ...commands: NeedsAssessmentCommand[]): NeedsAssessmentEvent[] {
  let all = [...events];
  for (const c of commands) all = [...all, ...spec.given(all).when(c).events()];
  return all;
}

export const invite = (org = CO): NeedsAssessmentCommand => ({
  type: 'InviteNetworkOwner',
  actor: lead,
  owner: owner(org),
  orgNumber: org,
});
export const addMeasure = (measureId = 'm-1', university = uni(UIS), fields = measure): NeedsAssessmentCommand => ({
  type: 'AddMeasure',
  actor: lead,
  measureId,
  measure: fields,
  university,
  universityOrg: university.orgNumber,
});
export const lines = (org: string, amount: number, coFinancing: number, actor = lead): NeedsAssessmentCommand => ({
  type: 'SetMeasureLines',
  actor,
  measureId: 'm-1',
  org,
  lines: {
    budget: [{ year: 2027, category: 'implementation', amount }],
    coFinancing: coFinancing ? [{ year: 2027, amount: coFinancing, form: 'salary' }] : [],
  },
});
export const submit = (today = '2027-01-15', declinedPartners: string[] = []): NeedsAssessmentCommand => ({
  type: 'Submit',
  actor: lead,
  today,
  deadline: call.deadline,
  declinedPartners,
});
export const ready = () => history([drafted], { type: 'UpdateContent', actor: lead, content }, addMeasure(), lines(LEAD, 100_000, 30_000));
