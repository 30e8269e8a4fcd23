import type { NeedsAssessmentEvent } from './needs-assessment.events.js';
import type { AssessmentContent, NeedsAssessmentState } from './needs-assessment.types.js';
import { replaceMeasure } from './guards.js';

const EMPTY_CONTENT: AssessmentContent = {
  title: '',
  summary: '',
  anchoring: { staffInvolvement: '', leaderInvolvement: '', universityParticipation: '', plans: [] },
  themes: { goals: [], tags: [] },
};

export const initialNeedsAssessmentState: NeedsAssessmentState = {
  assessmentId: null,
  callId: '',
  office: '',
  scheme: 'DEKOMP',
  year: 0,
  ruleSetVersion: '',
  leadOwner: '',
  coOwners: [],
  confirmations: {},
  status: null,
  revision: 0,
  versions: 0,
  late: false,
  content: EMPTY_CONTENT,
  measures: [],
  warnings: [],
};

export function evolveNeedsAssessment(s: NeedsAssessmentState, e: NeedsAssessmentEvent): NeedsAssessmentState {
  switch (e.type) {
    case 'NeedsAssessmentDrafted':
      return {
        ...s,
        assessmentId: e.data.assessmentId,
        callId: e.data.callId,
        office: e.data.office,
        scheme: e.data.scheme,
        year: e.data.year,
        ruleSetVersion: e.data.ruleSetVersion,
        leadOwner: e.data.leadOwner,
        status: 'draft',
        revision: 1,
        content: { ...EMPTY_CONTENT, title: e.data.title, summary: e.data.summary },
      };
    case 'NeedsAssessmentContentUpdated':
      return { ...s, content: e.data.content, revision: e.data.revision };
    case 'NetworkOwnerInvited':
      return { ...s, coOwners: [...s.coOwners, e.data.org], revision: e.data.revision };
    case 'MeasureAdded':
      return { ...s, measures: [...s.measures, e.data.measure], revision: e.data.revision, warnings: e.data.warnings };
    case 'MeasureRevised':
      return {
        ...s,
        measures: replaceMeasure(s, e.data.measureId, (m) => ({ ...m, ...e.data.measure })),
        revision: e.data.revision,
        warnings: e.data.warnings,
      };
    case 'MeasureLinesSet':
      return {
        ...s,
        measures: replaceMeasure(s, e.data.measureId, (m) => ({ ...m, lines: { ...m.lines, [e.data.org]: e.data.lines } })),
        revision: e.data.revision,
        warnings: e.data.warnings,
      };
    case 'UniversityPartnerReplaced':
      return {
        ...s,
        measures: replaceMeasure(s, e.data.measureId, (m) => {
          const { [e.data.previous.org]: _dropped, ...lines } = m.lines;
          return { ...m, university: e.data.university, replacedUniversities: [...m.replacedUniversities, e.data.previous], lines };
        }),
        revision: e.data.revision,
        warnings: e.data.warnings,
      };
    case 'OwnerPartConfirmed':
      return { ...s, confirmations: { ...s.confirmations, [e.data.org]: e.data.revision } };
    case 'NeedsAssessmentSubmitted':
      return { ...s, status: 'submitted', versions: e.data.version, late: e.data.late, warnings: e.data.warnings };
    case 'NeedsAssessmentAmended':
      return { ...s, status: 'amended', versions: e.data.version, warnings: e.data.warnings };
    case 'NeedsAssessmentWithdrawn':
      return { ...s, status: 'withdrawn' };
  }
}
