import { ConflictError, DomainError, NotFoundError, RECIPIENT_KINDS, SCHOOL_OWNER_KINDS, type MeasureInfo, type Organisation, type RuleViolation, type Scheme } from '#libs/kernel';
import type { Decider, DomainEvent, Warning } from '#libs/platform';
import { missingCategoryWarnings, type ForumState } from './forum.decider.js';

/**
 * The forum's recommendation (innstilling) for a call: which measures to fund with how much money per recipient
 * and year (R13), reached by consensus or a vote, or recorded as no agreement (R12). One stream per forum and
 * call; amended and withdrawn with a reason (R21), published to the office's school owners (R20).
 */
export const OUTCOMES = ['consensus', 'vote', 'no_agreement'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Vote {
  for: number;
  against: number;
  abstain: number;
}

/** As sent: every R13 part may be missing, so the decider can name every missing part at once. */
export interface MeasureInput {
  measureId?: string;
  participants?: string;
  startYear?: number;
  spanYears?: number;
  criteria?: string;
  cooperatingOwners?: string[];
  cooperatingUniversities?: string[];
  amounts?: Array<{ recipientOrg?: string; year?: number; amount?: number }>;
}

export interface RecommendationContent {
  meetingId: string;
  outcome: Outcome;
  vote?: Vote | null;
  /** In priority order: the first is the forum's first priority. */
  measures?: MeasureInput[];
  note?: string | null;
}

/** What the handler looked up for the decider. */
export interface RecommendationFacts {
  forum: ForumState;
  call: { callId: string; office: string; scheme: Scheme; year: number } | null;
  /** R9: the longest span of a measure under the call's rule set. */
  maxSpanYears: number;
  universityPartnerRequired: boolean;
  /** The measure catalog's answers (null: not in the catalog); undefined when no catalog is available. */
  measures?: Record<string, MeasureInfo | null>;
  organisations: Record<string, Organisation>;
}

export interface RecommendedMeasure {
  priority: number;
  measureId: string;
  participants: string;
  startYear: number;
  spanYears: number;
  criteria: string;
  cooperatingOwners: string[];
  cooperatingUniversities: string[];
  amounts: Array<{ recipientOrg: string; year: number; amount: number }>;
}

export interface RecommendationBody {
  recommendationId: string;
  forumId: string;
  office: string;
  callId: string;
  revision: number;
  meetingId: string;
  meetingDate: string;
  presentMembers: number;
  outcome: Outcome;
  vote: Vote | null;
  measures: RecommendedMeasure[];
  note: string | null;
  warnings: Warning[];
}

export type RecommendationCommand =
  | { type: 'RecordRecommendation'; recommendationId: string; callId: string; content: RecommendationContent; facts: RecommendationFacts }
  | { type: 'AmendRecommendation'; content: RecommendationContent; facts: RecommendationFacts; reason: string }
  | { type: 'PublishRecommendation' }
  | { type: 'WithdrawRecommendation'; reason: string };

export type RecommendationEvent =
  | DomainEvent<'RecommendationRecorded', RecommendationBody>
  | DomainEvent<'RecommendationAmended', RecommendationBody & { reason: string }>
  | DomainEvent<'RecommendationPublished', { recommendationId: string; office: string; revision: number }>
  | DomainEvent<'RecommendationWithdrawn', { recommendationId: string; revision: number; reason: string }>;

export interface RecommendationState {
  recommendationId: string | null;
  forumId: string | null;
  callId: string | null;
  office: string | null;
  status: 'none' | 'recorded' | 'published' | 'withdrawn';
  revision: number;
}

export const recommendationStream = (recommendationId: string) => `Recommendation-${recommendationId}`;
export const recommendationIdOf = (forumId: string, callId: string) => `${forumId}--${callId}`;

const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isKroner = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isYear = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 2015 && (n as number) <= 2100;

/** Validates the content against R11, R12, R13 (and R1, R2, R9 for its money lines); every violation at once. */
export function validateContent(recommendationId: string, callId: string, revision: number, content: RecommendationContent, facts: RecommendationFacts): RecommendationBody {
  const v: RuleViolation[] = [];
  const { forum, call } = facts;
  const office = forum.office!;

  // The call: of the forum's office.
  if (!call) v.push({ rule: 'R13', field: 'callId', message: `call ${callId} does not exist` });
  else if (call.office !== office) v.push({ rule: 'R13', field: 'callId', message: `call ${callId} belongs to governor office ${call.office}, not the forum's office ${office}` });

  // The meeting where the forum reached its outcome (R12: only members present there vote).
  const meeting = forum.meetings.find((m) => m.meetingId === content.meetingId);
  if (!meeting) v.push({ rule: 'R12', field: 'meetingId', message: `the forum has no meeting ${content.meetingId}: record the meeting first` });
  const present = meeting?.present.length ?? 0;

  if (!(OUTCOMES as readonly string[]).includes(content.outcome)) v.push({ rule: 'R12', field: 'outcome', message: `outcome must be one of ${OUTCOMES.join(', ')}` });

  // R12: consensus, or a vote by the members present (the governor's office is never a member, so never votes).
  const vote = content.vote ?? null;
  if (content.outcome === 'vote' && !vote) v.push({ rule: 'R12', field: 'vote', message: 'a recommendation by vote gives the counts for, against and abstaining' });
  if (content.outcome === 'consensus' && vote) v.push({ rule: 'R12', field: 'vote', message: 'a consensus has no vote: record the outcome as vote' });
  if (vote) {
    const counts = [vote.for, vote.against, vote.abstain];
    if (!counts.every(isCount)) v.push({ rule: 'R12', field: 'vote', message: 'vote counts are whole, non-negative numbers' });
    else {
      const cast = vote.for + vote.against + vote.abstain;
      if (cast === 0) v.push({ rule: 'R12', field: 'vote', message: 'no votes were cast' });
      if (meeting && cast > present) {
        v.push({ rule: 'R12', field: 'vote', message: `${cast} votes counted, but only ${present} members were present at meeting ${meeting.meetingId}: only members present vote, and the governor's office has no vote` });
      }
      if (content.outcome === 'vote' && vote.for <= vote.against) {
        v.push({ rule: 'R12', field: 'vote', message: `the vote did not carry (${vote.for} for, ${vote.against} against): record the outcome as no_agreement, and the governor decides` });
      }
    }
  }
  if (content.outcome === 'consensus' && meeting && present === 0) v.push({ rule: 'R12', field: 'meetingId', message: `no member was present at meeting ${meeting.meetingId}` });

  const measuresIn = content.measures ?? [];
  const measures: RecommendedMeasure[] = [];
  if (content.outcome === 'no_agreement') {
    if (measuresIn.length > 0) v.push({ rule: 'R12', field: 'measures', message: 'where the forum does not agree it recommends no measures: the governor decides' });
  } else if (measuresIn.length === 0) {
    v.push({ rule: 'R13', field: 'measures', message: 'a recommendation names at least one prioritised measure' });
  }

  const seenMeasures = new Set<string>();
  measuresIn.forEach((m, i) => {
    const at = `measures[${i}]`;
    // R13: every part present.
    if (!isText(m.measureId)) v.push({ rule: 'R13', field: `${at}.measureId`, message: 'name the measure' });
    if (!isText(m.participants)) v.push({ rule: 'R13', field: `${at}.participants`, message: 'state who takes part' });
    if (m.startYear === undefined || m.startYear === null) v.push({ rule: 'R13', field: `${at}.startYear`, message: 'state the first school year (duration)' });
    if (m.spanYears === undefined || m.spanYears === null) v.push({ rule: 'R13', field: `${at}.spanYears`, message: 'state the number of school years (duration)' });
    if (!isText(m.criteria)) v.push({ rule: 'R13', field: `${at}.criteria`, message: 'state how the measure meets the criteria' });
    if (!m.cooperatingOwners?.length) v.push({ rule: 'R13', field: `${at}.cooperatingOwners`, message: 'name the school owners that work together in the measure' });
    if (!m.cooperatingUniversities?.length && facts.universityPartnerRequired) v.push({ rule: 'R13', field: `${at}.cooperatingUniversities`, message: 'name the universities that work together with the owners (R3)' });
    if (!m.amounts?.length) v.push({ rule: 'R13', field: `${at}.amounts`, message: 'state the money per recipient and year' });
    (m.amounts ?? []).forEach((a, j) => {
      if (!isText(a.recipientOrg)) v.push({ rule: 'R13', field: `${at}.amounts[${j}].recipientOrg`, message: 'name the recipient' });
      if (a.year === undefined || a.year === null) v.push({ rule: 'R13', field: `${at}.amounts[${j}].year`, message: 'state the year' });
      if (a.amount === undefined || a.amount === null) v.push({ rule: 'R13', field: `${at}.amounts[${j}].amount`, message: 'state the amount in whole kroner' });
    });

    // Validity of what is there.
    if (isText(m.measureId)) {
      if (seenMeasures.has(m.measureId)) v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} is named twice` });
      seenMeasures.add(m.measureId);
    }
    const spanOk = m.spanYears !== undefined && m.spanYears !== null && Number.isSafeInteger(m.spanYears) && m.spanYears >= 1 && m.spanYears <= facts.maxSpanYears;
    if (m.spanYears !== undefined && m.spanYears !== null && !spanOk) v.push({ rule: 'R9', field: `${at}.spanYears`, message: `a measure spans 1 to ${facts.maxSpanYears} school years` });
    const startOk = isYear(m.startYear);
    if (m.startYear !== undefined && m.startYear !== null && !startOk) v.push({ rule: 'R9', field: `${at}.startYear`, message: 'startYear must be a year' });

    const catalogued = isText(m.measureId) && facts.measures ? facts.measures[m.measureId] : undefined;
    if (isText(m.measureId) && facts.measures) {
      if (!catalogued) v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} is not in any needs assessment` });
      else if (catalogued.callId !== callId) v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} belongs to call ${catalogued.callId}, not ${callId}` });
      else if (catalogued.office !== office) v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} belongs to governor office ${catalogued.office}` });
      else if (catalogued.status !== 'submitted') v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} is ${catalogued.status}, not submitted` });
    }

    const orgOf = (org: string) => facts.organisations[org];
    (m.cooperatingOwners ?? []).forEach((o, j) => {
      const org = orgOf(o);
      if (!org) v.push({ rule: 'R19', field: `${at}.cooperatingOwners[${j}]`, message: `organisation ${o} is not registered` });
      else if (!SCHOOL_OWNER_KINDS.includes(org.kind)) v.push({ rule: 'R13', field: `${at}.cooperatingOwners[${j}]`, message: `${o} is a ${org.kind}, not a school owner` });
    });
    (m.cooperatingUniversities ?? []).forEach((u, j) => {
      const org = orgOf(u);
      if (!org) v.push({ rule: 'R19', field: `${at}.cooperatingUniversities[${j}]`, message: `organisation ${u} is not registered` });
      else if (org.kind !== 'university') v.push({ rule: 'R3', field: `${at}.cooperatingUniversities[${j}]`, message: `${u} is a ${org.kind}, not a university` });
    });

    const seenLines = new Set<string>();
    const amounts: RecommendedMeasure['amounts'] = [];
    (m.amounts ?? []).forEach((a, j) => {
      const af = `${at}.amounts[${j}]`;
      if (a.amount !== undefined && a.amount !== null && !isKroner(a.amount)) v.push({ rule: 'R13', field: `${af}.amount`, message: 'money is whole, non-negative kroner' });
      if (a.year !== undefined && a.year !== null) {
        if (!isYear(a.year)) v.push({ rule: 'R9', field: `${af}.year`, message: 'year must be a year' });
        else if (startOk && spanOk && (a.year < m.startYear! || a.year >= m.startYear! + m.spanYears!)) {
          v.push({ rule: 'R9', field: `${af}.year`, message: `${a.year} is outside the measure's span ${m.startYear}–${m.startYear! + m.spanYears! - 1}` });
        }
      }
      if (isText(a.recipientOrg)) {
        const org = orgOf(a.recipientOrg);
        if (!org) v.push({ rule: 'R1', field: `${af}.recipientOrg`, message: `recipient ${a.recipientOrg} is not a registered organisation` });
        else if (org.kind === 'commercial') v.push({ rule: 'R2', field: `${af}.recipientOrg`, message: `${a.recipientOrg} is a commercial actor and never receives grant money (it may only be a subcontractor under a university's line)` });
        else if (!RECIPIENT_KINDS.includes(org.kind)) v.push({ rule: 'R1', field: `${af}.recipientOrg`, message: `${a.recipientOrg} is a ${org.kind}: only school owners and universities receive grant money` });
        else if (org.kind !== 'university' && org.office !== office) v.push({ rule: 'R1', field: `${af}.recipientOrg`, message: `school owner ${a.recipientOrg} belongs to governor office ${org.office ?? 'none'}, not ${office}` });
        if (catalogued && org) {
          const parties = new Set([...catalogued.owners, ...catalogued.universities.filter((u) => u.status !== 'declined').map((u) => u.org)]);
          if (!parties.has(a.recipientOrg)) v.push({ rule: 'R13', field: `${af}.recipientOrg`, message: `${a.recipientOrg} is neither an owner nor a university partner of measure ${m.measureId}` });
        }
        if (isYear(a.year)) {
          const key = `${a.recipientOrg}/${a.year}`;
          if (seenLines.has(key)) v.push({ rule: 'R13', field: af, message: `${a.recipientOrg} has two amounts for ${a.year}` });
          seenLines.add(key);
        }
      }
      if (isText(a.recipientOrg) && isYear(a.year) && isKroner(a.amount)) amounts.push({ recipientOrg: a.recipientOrg, year: a.year, amount: a.amount });
    });

    if (isText(m.measureId) && isText(m.participants) && startOk && spanOk && isText(m.criteria)) {
      measures.push({
        priority: i + 1,
        measureId: m.measureId,
        participants: m.participants.trim(),
        startYear: m.startYear!,
        spanYears: m.spanYears!,
        criteria: m.criteria.trim(),
        cooperatingOwners: [...(m.cooperatingOwners ?? [])],
        cooperatingUniversities: [...(m.cooperatingUniversities ?? [])],
        amounts,
      });
    }
  });

  if (v.length) throw new DomainError(v);
  return {
    recommendationId,
    forumId: forum.forumId!,
    office,
    callId,
    revision,
    meetingId: meeting!.meetingId,
    meetingDate: meeting!.date,
    presentMembers: present,
    outcome: content.outcome,
    vote,
    measures,
    note: content.note?.trim() || null,
    // R11: judged on the membership on the meeting's date.
    warnings: missingCategoryWarnings(forum, meeting!.date),
  };
}

export const recommendationDecider: Decider<RecommendationCommand, RecommendationState, RecommendationEvent> = {
  initialState: { recommendationId: null, forumId: null, callId: null, office: null, status: 'none', revision: 0 },

  evolve(state, event) {
    switch (event.type) {
      case 'RecommendationRecorded':
        return { recommendationId: event.data.recommendationId, forumId: event.data.forumId, callId: event.data.callId, office: event.data.office, status: 'recorded', revision: event.data.revision };
      case 'RecommendationAmended':
        return { ...state, revision: event.data.revision };
      case 'RecommendationPublished':
        return { ...state, status: 'published' };
      case 'RecommendationWithdrawn':
        return { ...state, status: 'withdrawn' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RecordRecommendation': {
        if (state.status === 'recorded' || state.status === 'published') {
          throw new ConflictError(`the forum has a recommendation for call ${command.callId} already (revision ${state.revision}): amend or withdraw it`);
        }
        const body = validateContent(command.recommendationId, command.callId, state.revision + 1, command.content, command.facts);
        return [{ type: 'RecommendationRecorded', data: body }];
      }
      case 'AmendRecommendation': {
        if (state.status === 'none') throw new NotFoundError('recommendation', '(this id)');
        if (state.status === 'withdrawn') throw new ConflictError('the recommendation was withdrawn: record a new one');
        const body = validateContent(state.recommendationId!, state.callId!, state.revision + 1, command.content, command.facts);
        return [{ type: 'RecommendationAmended', data: { ...body, reason: command.reason } }];
      }
      case 'PublishRecommendation': {
        if (state.status === 'none') throw new NotFoundError('recommendation', '(this id)');
        if (state.status === 'withdrawn') throw new ConflictError('a withdrawn recommendation is not published');
        if (state.status === 'published') return [];
        return [{ type: 'RecommendationPublished', data: { recommendationId: state.recommendationId!, office: state.office!, revision: state.revision } }];
      }
      case 'WithdrawRecommendation': {
        if (state.status === 'none') throw new NotFoundError('recommendation', '(this id)');
        if (state.status === 'withdrawn') throw new ConflictError('the recommendation is withdrawn already');
        return [{ type: 'RecommendationWithdrawn', data: { recommendationId: state.recommendationId!, revision: state.revision, reason: command.reason } }];
      }
    }
  },
};
