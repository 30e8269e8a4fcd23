import { ConflictError, DomainError, ForbiddenError, NotFoundError, ruleSetFor } from '#libs/kernel';
import type { Decider } from '#libs/platform';
import type {
  ActorFacts,
  AssessmentContent,
  AssessmentSnapshot,
  Measure,
  NeedsAssessmentCommand,
  NeedsAssessmentEvent,
  NeedsAssessmentState,
} from './needs-assessment.types.js';
import { contentViolations, isSchoolOwner, linesViolations, measureViolations, partnerViolations, submissionViolations, warningsOf } from './rules.js';

/**
 * A needs assessment (behovsmelding): a school owner's — or a network of owners' (R10) — analysis of competence needs
 * with its measures, for one call. Stream `NeedsAssessment-<id>`.
 */
export const needsAssessmentStream = (assessmentId: string) => `NeedsAssessment-${assessmentId}`;

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

export const isMember = (s: NeedsAssessmentState, org: string) => s.leadOwner === org || s.coOwners.includes(org);

export function snapshotOf(s: NeedsAssessmentState): AssessmentSnapshot {
  return { content: s.content, leadOwner: s.leadOwner, coOwners: s.coOwners, measures: s.measures };
}

/** R20: an organisation outside the assessment learns nothing of it (404, not 403). */
function loaded(s: NeedsAssessmentState, actor: ActorFacts): string {
  if (!s.assessmentId || !isMember(s, actor.org)) throw new NotFoundError('needs assessment', '(this id)');
  return s.assessmentId;
}

function asLead(s: NeedsAssessmentState, actor: ActorFacts, what: string): string {
  const id = loaded(s, actor);
  if (actor.org !== s.leadOwner) throw new ForbiddenError(`only the lead owner ${s.leadOwner} ${what}`);
  return id;
}

function editable(s: NeedsAssessmentState): void {
  if (s.status === 'withdrawn') throw new ConflictError('the needs assessment was withdrawn');
}

function measureOf(s: NeedsAssessmentState, measureId: string): Measure {
  const m = s.measures.find((x) => x.measureId === measureId);
  if (!m) throw new NotFoundError('measure', measureId);
  return m;
}

const replaceMeasure = (s: NeedsAssessmentState, measureId: string, f: (m: Measure) => Measure) => s.measures.map((m) => (m.measureId === measureId ? f(m) : m));

export const needsAssessmentDecider: Decider<NeedsAssessmentCommand, NeedsAssessmentState, NeedsAssessmentEvent> = {
  initialState: initialNeedsAssessmentState,

  evolve(s, e) {
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
        return { ...s, measures: replaceMeasure(s, e.data.measureId, (m) => ({ ...m, ...e.data.measure })), revision: e.data.revision, warnings: e.data.warnings };
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
  },

  decide(c, s) {
    if (c.type === 'CreateDraft') {
      if (s.assessmentId) throw new ConflictError(`needs assessment ${c.assessmentId} exists already`);
      if (c.actor.role !== 'school_owner') throw new ForbiddenError('only a school owner drafts a needs assessment');
      const rules = ruleSetFor(c.call.scheme, c.call.year);
      if (!rules.governorRole) throw DomainError.of('scheme', 'callId', `${c.call.scheme} has no needs assessments to a governor`);
      const lead = c.lead;
      if (!lead) throw DomainError.of('R19', 'leadOwner', `organisation ${c.actor.org} is not registered`);
      if (!isSchoolOwner(lead)) throw DomainError.of('R1', 'leadOwner', `only school owners submit needs assessments; ${lead.orgNumber} is a ${lead.kind}`);
      if (lead.office !== c.call.office) {
        throw DomainError.of('R19', 'callId', `owner ${lead.orgNumber} belongs to governor office ${lead.office ?? '(none)'}, the call to ${c.call.office}`);
      }
      return [
        {
          type: 'NeedsAssessmentDrafted',
          data: {
            assessmentId: c.assessmentId,
            callId: c.call.callId,
            office: c.call.office,
            scheme: c.call.scheme,
            year: c.call.year,
            leadOwner: lead.orgNumber,
            title: c.title,
            summary: c.summary,
            ruleSetVersion: rules.version,
          },
        },
      ];
    }

    const rules = ruleSetFor(s.scheme, s.year || 2000);
    switch (c.type) {
      case 'UpdateContent': {
        const assessmentId = asLead(s, c.actor, 'edits the content');
        editable(s);
        const v = contentViolations(c.content);
        if (v.length) throw new DomainError(v);
        return [{ type: 'NeedsAssessmentContentUpdated', data: { assessmentId, content: c.content, revision: s.revision + 1 } }];
      }
      case 'InviteNetworkOwner': {
        const assessmentId = asLead(s, c.actor, 'invites owners into its network');
        if (s.status !== 'draft') throw new ConflictError('owners join a network while the assessment is a draft');
        if (isMember(s, c.orgNumber)) throw new ConflictError(`${c.orgNumber} is in the network already`);
        const o = c.owner;
        if (!o) throw DomainError.of('R19', 'orgNumber', `organisation ${c.orgNumber} is not registered`);
        if (!isSchoolOwner(o)) throw DomainError.of('R1', 'orgNumber', `a network is of school owners (R10); ${o.orgNumber} is a ${o.kind}`);
        if (o.office !== s.office) throw DomainError.of('R19', 'orgNumber', `owner ${o.orgNumber} belongs to governor office ${o.office ?? '(none)'}, this call to ${s.office}`);
        return [{ type: 'NetworkOwnerInvited', data: { assessmentId, org: o.orgNumber, revision: s.revision + 1 } }];
      }
      case 'AddMeasure': {
        const assessmentId = asLead(s, c.actor, 'adds measures');
        editable(s);
        if (s.measures.some((m) => m.measureId === c.measureId)) throw new ConflictError(`measure ${c.measureId} exists already`);
        const v = [...measureViolations(c.measure, s.year, rules), ...partnerViolations(c.university, c.universityOrg, 'university')];
        if (v.length) throw new DomainError(v);
        const measure: Measure = { ...c.measure, measureId: c.measureId, university: { org: c.universityOrg, local: c.university!.office === s.office }, replacedUniversities: [], lines: {} };
        const warnings = warningsOf([...s.measures, measure], rules);
        return [{ type: 'MeasureAdded', data: { assessmentId, measure, revision: s.revision + 1, warnings } }];
      }
      case 'ReviseMeasure': {
        const assessmentId = asLead(s, c.actor, 'revises measures');
        editable(s);
        const current = measureOf(s, c.measureId);
        const revised = { ...current, ...c.measure };
        const v = [...measureViolations(c.measure, s.year, rules), ...Object.entries(current.lines).flatMap(([org, l]) => linesViolations(revised, l, current.university?.org === org).map((x) => ({ ...x, field: `lines.${org}.${x.field}` })))];
        if (v.length) throw new DomainError(v);
        const warnings = warningsOf(replaceMeasure(s, c.measureId, () => revised), rules);
        return [{ type: 'MeasureRevised', data: { assessmentId, measureId: c.measureId, measure: c.measure, revision: s.revision + 1, warnings } }];
      }
      case 'SetMeasureLines': {
        const assessmentId = loaded(s, c.actor);
        editable(s);
        const m = measureOf(s, c.measureId);
        const isUniversity = m.university?.org === c.org;
        // R10: each owner sets its own lines; the lead also sets the university partner's line.
        const mayWrite = c.actor.org === c.org ? isMember(s, c.org) : isUniversity && c.actor.org === s.leadOwner;
        if (!mayWrite) throw new ForbiddenError(`${c.actor.org} may not set the money lines of ${c.org}: each network owner keeps its own (R10)`);
        const v = linesViolations(m, c.lines, isUniversity);
        if (v.length) throw new DomainError(v);
        const warnings = warningsOf(replaceMeasure(s, c.measureId, (x) => ({ ...x, lines: { ...x.lines, [c.org]: c.lines } })), rules);
        return [{ type: 'MeasureLinesSet', data: { assessmentId, measureId: c.measureId, org: c.org, lines: c.lines, revision: s.revision + 1, warnings } }];
      }
      case 'ReplaceUniversityPartner': {
        const assessmentId = asLead(s, c.actor, 'names the university partner');
        editable(s);
        const m = measureOf(s, c.measureId);
        if (!m.university) throw new ConflictError('the measure has no partner to replace');
        if (!c.currentPartnerDeclined) {
          throw DomainError.of('R3', 'university', `university ${m.university.org} has not declined: the local partner comes first, and is replaced only when it lacks competence or capacity`);
        }
        if (c.universityOrg === m.university.org || m.replacedUniversities.some((u) => u.org === c.universityOrg)) {
          throw DomainError.of('R3', 'universityOrg', `university ${c.universityOrg} declined this measure already`);
        }
        const v = partnerViolations(c.university, c.universityOrg, 'universityOrg');
        if (v.length) throw new DomainError(v);
        const university = { org: c.universityOrg, local: c.university!.office === s.office };
        const { [m.university.org]: _dropped, ...lines } = m.lines;
        const warnings = warningsOf(replaceMeasure(s, c.measureId, (x) => ({ ...x, university, lines })), rules);
        return [{ type: 'UniversityPartnerReplaced', data: { assessmentId, measureId: c.measureId, previous: m.university, university, reason: c.reason, revision: s.revision + 1, warnings } }];
      }
      case 'ConfirmOwnerPart': {
        const assessmentId = loaded(s, c.actor);
        editable(s);
        if (!s.coOwners.includes(c.actor.org)) throw new ForbiddenError('the lead owner confirms by submitting; network owners confirm their own part');
        if (s.confirmations[c.actor.org] === s.revision) return [];
        return [{ type: 'OwnerPartConfirmed', data: { assessmentId, org: c.actor.org, revision: s.revision } }];
      }
      case 'Submit': {
        const assessmentId = asLead(s, c.actor, 'submits');
        if (s.status !== 'draft') throw new ConflictError(`the needs assessment is ${s.status}: amend it instead`);
        const v = submissionViolations(s, rules, c.declinedPartners);
        if (v.length) throw new DomainError(v);
        // R14: after the deadline a submission is accepted and marked late.
        const late = c.today > c.deadline;
        return [{ type: 'NeedsAssessmentSubmitted', data: { assessmentId, version: 1, late, submittedOn: c.today, deadline: c.deadline, snapshot: snapshotOf(s), warnings: warningsOf(s.measures, rules) } }];
      }
      case 'Amend': {
        const assessmentId = asLead(s, c.actor, 'amends');
        if (s.status !== 'submitted' && s.status !== 'amended') throw new ConflictError(`a ${s.status} needs assessment cannot be amended`);
        if (c.today > c.deadline) throw DomainError.of('R14', 'deadline', `the call's deadline ${c.deadline} has passed: amendments are no longer accepted`);
        const v = submissionViolations(s, rules, c.declinedPartners);
        if (v.length) throw new DomainError(v);
        return [{ type: 'NeedsAssessmentAmended', data: { assessmentId, version: s.versions + 1, submittedOn: c.today, deadline: c.deadline, snapshot: snapshotOf(s), reason: c.reason, warnings: warningsOf(s.measures, rules) } }];
      }
      case 'Withdraw': {
        const assessmentId = asLead(s, c.actor, 'withdraws');
        if (s.status !== 'submitted' && s.status !== 'amended') throw new ConflictError(`a ${s.status} needs assessment cannot be withdrawn`);
        return [{ type: 'NeedsAssessmentWithdrawn', data: { assessmentId, reason: c.reason } }];
      }
    }
  },
};
