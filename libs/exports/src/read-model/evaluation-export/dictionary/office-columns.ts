import type { Column } from '../columns.js';

const FRAME = ['FrameSet', 'FrameAdjusted'];
const DECISION = ['AllocationDecided', 'AllocationAmended', 'AllocationRevoked'];
const MEMBERS = ['ForumMemberJoined', 'ForumMemberLeft'];

const members = (key: string, label: string, who: string): Column => ({
  key,
  kind: 'integer',
  label,
  meaning: `Antall medlemmer i samarbeidsforumet i løpet av året som representerer ${who}.`,
  events: MEMBERS,
});

/** Per office (embete), scheme and year: the frame (ramme) and what is charged to it, and the forum's membership. */
export const OFFICE_COLUMNS: readonly Column[] = [
  { key: 'office', kind: 'text', label: 'Statsforvalter', meaning: 'Statsforvalterembetet.', events: FRAME },
  { key: 'scheme', kind: 'text', label: 'Ordning', meaning: 'Tilskuddsordningen.', events: FRAME },
  { key: 'year', kind: 'integer', label: 'År', meaning: 'Året rammen gjelder.', events: FRAME },
  { key: 'frame', kind: 'kroner', label: 'Ramme', meaning: 'Rammen departementet har tildelt embetet for året.', events: FRAME },
  {
    key: 'committedFromEarlierYears',
    kind: 'kroner',
    label: 'Bundet fra tidligere år',
    meaning: 'Beløp som vedtak fra tidligere år har bundet på årets ramme.',
    events: DECISION,
  },
  { key: 'decided', kind: 'kroner', label: 'Vedtatt', meaning: 'Årets gjeldende vedtak for året.', events: DECISION },
  {
    key: 'free',
    kind: 'kroner',
    label: 'Ledig',
    meaning: 'Det som er igjen av rammen: ramme minus bundet fra tidligere år minus vedtatt.',
    events: [...FRAME, ...DECISION],
  },
  {
    key: 'requested',
    kind: 'kroner',
    label: 'Søkt beløp',
    meaning: 'Summen av søkte beløp.',
    events: ['NeedsAssessmentSubmitted', 'NeedsAssessmentAmended'],
  },
  {
    key: 'recommended',
    kind: 'kroner',
    label: 'Anbefalt beløp',
    meaning: 'Summen av anbefalte beløp.',
    events: ['RecommendationRecorded', 'RecommendationAmended'],
  },
  { key: 'paid', kind: 'kroner', label: 'Utbetalt', meaning: 'Summen av utbetalinger.', events: ['GrantPaymentRecorded'] },
  { key: 'repaid', kind: 'kroner', label: 'Tilbakebetalt', meaning: 'Summen av tilbakebetalinger.', events: ['RepaymentSettled'] },
  members('membersSchoolOwnerPublic', 'Medlemmer offentlige skoleeiere', 'offentlige skoleeiere'),
  members('membersSchoolOwnerPrivate', 'Medlemmer private skoleeiere', 'private skoleeiere'),
  members('membersUniversity', 'Medlemmer UH', 'universiteter og høgskoler'),
  members('membersKs', 'Medlemmer KS', 'KS'),
  members('membersTeacherUnion', 'Medlemmer lærerorganisasjoner', 'lærerorganisasjonene'),
  members('membersOther', 'Medlemmer andre', 'andre'),
];
