import { DomainError, type RuleViolation } from '#libs/kernel';
import type { ForumMeeting } from '../../forum/forum.aggregate.js';
import { missingCategoryWarnings } from '../../forum/membership.js';
import {
  isCount,
  OUTCOMES,
  type RecommendationBody,
  type RecommendationContent,
  type RecommendationFacts,
  type RecommendedMeasure,
  type Vote,
} from './content.js';
import { validateMeasure, type MeasureContext } from './validate-measure.js';

/** R13: the call is of the forum's office. */
function checkCall(v: RuleViolation[], callId: string, facts: RecommendationFacts, office: string) {
  const call = facts.call;
  if (!call) v.push({ rule: 'R13', field: 'callId', message: `call ${callId} does not exist` });
  else if (call.office !== office)
    v.push({
      rule: 'R13',
      field: 'callId',
      message: `call ${callId} belongs to governor office ${call.office}, not the forum's office ${office}`,
    });
}

/** R12: the counts of a vote, by the members present (the governor's office is never a member, so never votes). */
function checkVoteCounts(v: RuleViolation[], content: RecommendationContent, vote: Vote, meeting: ForumMeeting | undefined) {
  if (![vote.for, vote.against, vote.abstain].every(isCount)) {
    v.push({ rule: 'R12', field: 'vote', message: 'vote counts are whole, non-negative numbers' });
    return;
  }
  const present = meeting?.present.length ?? 0;
  const cast = vote.for + vote.against + vote.abstain;
  if (cast === 0) v.push({ rule: 'R12', field: 'vote', message: 'no votes were cast' });
  if (meeting && cast > present) {
    v.push({
      rule: 'R12',
      field: 'vote',
      message: `${cast} votes counted, but only ${present} members were present at meeting ${meeting.meetingId}: only members present vote, and the governor's office has no vote`,
    });
  }
  if (content.outcome === 'vote' && vote.for <= vote.against) {
    v.push({
      rule: 'R12',
      field: 'vote',
      message: `the vote did not carry (${vote.for} for, ${vote.against} against): record the outcome as no_agreement, and the governor decides`,
    });
  }
}

/** R12: consensus, or a vote by the members present, or no agreement (then no measures: the governor decides). */
function checkOutcome(v: RuleViolation[], content: RecommendationContent, meeting: ForumMeeting | undefined) {
  if (!(OUTCOMES as readonly string[]).includes(content.outcome))
    v.push({ rule: 'R12', field: 'outcome', message: `outcome must be one of ${OUTCOMES.join(', ')}` });
  const vote = content.vote ?? null;
  if (content.outcome === 'vote' && !vote)
    v.push({ rule: 'R12', field: 'vote', message: 'a recommendation by vote gives the counts for, against and abstaining' });
  if (content.outcome === 'consensus' && vote)
    v.push({ rule: 'R12', field: 'vote', message: 'a consensus has no vote: record the outcome as vote' });
  if (vote) checkVoteCounts(v, content, vote, meeting);
  if (content.outcome === 'consensus' && meeting && meeting.present.length === 0)
    v.push({ rule: 'R12', field: 'meetingId', message: `no member was present at meeting ${meeting.meetingId}` });
  const measures = content.measures ?? [];
  if (content.outcome === 'no_agreement') {
    if (measures.length > 0)
      v.push({ rule: 'R12', field: 'measures', message: 'where the forum does not agree it recommends no measures: the governor decides' });
  } else if (measures.length === 0) {
    v.push({ rule: 'R13', field: 'measures', message: 'a recommendation names at least one prioritised measure' });
  }
}

/** Validates the content against R11, R12, R13 (and R1, R2, R9 for its money lines); every violation at once. */
export function validateContent(
  recommendationId: string,
  callId: string,
  revision: number,
  content: RecommendationContent,
  facts: RecommendationFacts,
): RecommendationBody {
  const v: RuleViolation[] = [];
  const forum = facts.forum;
  const office = forum.office!;
  checkCall(v, callId, facts, office);
  // The meeting where the forum reached its outcome (R12: only members present there vote).
  const meeting = forum.meetings.find((m) => m.meetingId === content.meetingId);
  if (!meeting)
    v.push({ rule: 'R12', field: 'meetingId', message: `the forum has no meeting ${content.meetingId}: record the meeting first` });
  checkOutcome(v, content, meeting);
  const context: MeasureContext = { callId, office, facts, seenMeasures: new Set() };
  const measures = (content.measures ?? [])
    .map((m, i) => validateMeasure(v, m, i, context))
    .filter((m): m is RecommendedMeasure => m !== null);
  if (v.length) throw new DomainError(v);
  return {
    recommendationId,
    forumId: forum.forumId!,
    office,
    callId,
    revision,
    meetingId: meeting!.meetingId,
    meetingDate: meeting!.date,
    presentMembers: meeting!.present.length,
    outcome: content.outcome,
    vote: content.vote ?? null,
    measures,
    note: content.note?.trim() || null,
    // R11: judged on the membership on the meeting's date.
    warnings: missingCategoryWarnings(forum, meeting!.date),
  };
}
