import type { LetterSettings } from '../../letters/letter-settings/letter-settings.aggregate.js';
import { kroner, norwegianDate } from '../../letters/model/format.js';
import { letterFrame } from '../../letters/model/letter-frame.js';
import type { LetterBlock, LetterModel } from '../../letters/model/letter.model.js';
import type { Positioned } from '../../letters/model/grant-steps.js';
import { textsFor } from '../../letters/model/texts.js';
import { sum } from '../../common/money.js';
import type { AppealEvent, AppealLodgedData, Remedy } from '../appeal.aggregate.js';
import { appealTextsFor } from './appeal-texts.js';

/** One letter of an appeal (R23): the governor's reconsideration, Udir's decision. */
export interface AppealLetterStep {
  n: number;
  kind: 'reconsidered' | 'decided';
  position: number;
  date: string;
  outcome: 'reversed' | 'partly_reversed' | 'upheld' | 'dismissed';
  reason: string;
  lateReason: string | null;
  remedy: Remedy | null;
}

/** The appellant is told of each outcome by letter: one per reconsideration and Udir decision, in order. */
export function appealLetterSteps(events: Positioned<AppealEvent>[]): AppealLetterStep[] {
  const steps: Omit<AppealLetterStep, 'n'>[] = [];
  for (const { event: e, position } of events) {
    if (e.type === 'AppealReconsidered')
      steps.push({
        kind: 'reconsidered',
        position,
        date: e.data.reconsideredOn,
        outcome: e.data.outcome,
        reason: e.data.reason,
        lateReason: e.data.lateReason,
        remedy: e.data.remedy,
      });
    if (e.type === 'AppealDecided')
      steps.push({
        kind: 'decided',
        position,
        date: e.data.decidedOn,
        outcome: e.data.outcome,
        reason: e.data.reason,
        lateReason: null,
        remedy: e.data.remedy,
      });
  }
  return steps.map((s, i) => ({ ...s, n: i + 1 }));
}

function remedyTable(t: ReturnType<typeof appealTextsFor>, remedy: Remedy): LetterBlock {
  const lines = [...remedy.lines].sort((a, b) => a.year - b.year);
  return {
    type: 'table',
    columns: t.columns,
    rows: lines.map((l) => [String(l.year), kroner(l.amount)]),
    total: [t.total, kroner(sum(lines.map((l) => l.amount)))],
  };
}

/** R22/R23: the letter telling the appellant an appeal's outcome; Udir's letters come from Udir. */
export function appealLetter(
  a: AppealLodgedData,
  step: AppealLetterStep,
  settings: LetterSettings,
  names: { appellant: string; measureTitle: string },
): LetterModel {
  const lang = settings.language;
  const t = appealTextsFor(lang);
  const office = textsFor(lang).office(settings.officeName);
  const date = (d: string) => norwegianDate(d, lang);
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: t.intro(date(a.lodgedOn), date(a.letter.date), a.letter.caseNumber, names.measureTitle) },
  ];
  if (step.lateReason) blocks.push({ type: 'paragraph', text: t.late(date(a.deadline), office, step.lateReason) });
  if (step.kind === 'reconsidered') blocks.push({ type: 'paragraph', text: t.outcome[step.outcome](office, date(a.deadline)) });
  else blocks.push({ type: 'paragraph', text: t.udir[step.outcome as 'upheld'] });
  if (step.remedy) blocks.push(remedyTable(t, step.remedy));
  blocks.push({ type: 'heading', text: t.reasonsHeading }, { type: 'paragraph', text: step.reason });
  if (step.remedy) blocks.push({ type: 'paragraph', text: t.newDecision });
  if (step.kind === 'decided') blocks.push({ type: 'paragraph', text: t.final });
  const sender: LetterSettings =
    step.kind === 'decided'
      ? {
          ...settings,
          officeName: 'Utdanningsdirektoratet',
          letterhead: { address: '', phone: '', email: '' },
          signatory: { name: '', title: '' },
        }
      : settings;
  return letterFrame(sender, {
    title: step.kind === 'reconsidered' ? t.title.reconsidered : t.title.decided,
    date: step.date,
    caseNumber: a.letter.caseNumber,
    recipient: { org: a.appellantOrg, name: names.appellant, schoolOwner: true },
    blocks,
    appealDeadline: null,
  });
}
