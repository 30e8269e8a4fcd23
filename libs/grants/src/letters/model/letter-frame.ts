import type { LetterSettings } from '../letter-settings/letter-settings.aggregate.js';
import { norwegianDate, orgNumber } from './format.js';
import type { LetterBlock, LetterModel, LetterParty } from './letter.model.js';
import { textsFor } from './texts.js';

/** The parts every letter shares: letterhead, references, recipient, signature. */
export function letterFrame(
  settings: LetterSettings,
  c: { title: string; date: string; caseNumber: string; recipient: LetterParty; blocks: LetterBlock[]; appealDeadline: string | null },
): LetterModel {
  const t = textsFor(settings.language);
  const office = t.office(settings.officeName);
  const { address, phone, email } = settings.letterhead;
  return {
    language: settings.language,
    title: c.title,
    date: c.date,
    caseNumber: c.caseNumber,
    letterhead: [office, address, phone && `Telefon: ${phone}`, email && `E-post: ${email}`].filter((l) => !!l),
    references: [
      [t.ourDate, norwegianDate(c.date, settings.language)],
      [t.ourRef, c.caseNumber],
    ],
    recipient: [c.recipient.name, `${t.orgNo} ${orgNumber(c.recipient.org)}`],
    blocks: c.blocks,
    closing: [t.closing, settings.signatory.name, settings.signatory.title, office, '', t.approved].filter((l, i) => i >= 4 || !!l),
    appealDeadline: c.appealDeadline,
  };
}

/** The appeal paragraph (R22): three weeks, to the governor, Udir the appellate body, the deadline date. */
export function appealBlocks(settings: LetterSettings, deadline: string): LetterBlock[] {
  const t = textsFor(settings.language);
  return [
    { type: 'heading', text: t.appealHeading },
    { type: 'paragraph', text: t.appeal(t.office(settings.officeName), norwegianDate(deadline, settings.language)) },
  ];
}
