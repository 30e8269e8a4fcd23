import { ruleSetFor } from '#libs/kernel';
import { sum } from '../../common/money.js';
import { appealDeadlineOf, kroner, norwegianDate } from './format.js';
import { appealBlocks, letterFrame } from './letter-frame.js';
import type { GrantLetterFacts, LetterBlock, LetterLine, LetterMeasure, LetterModel } from './letter.model.js';
import { textsFor, type Texts } from './texts.js';

/** A measure's years: grant, least co-financing (R7/R8) and report deadline (R15), with a total. */
function linesTable(t: Texts, lines: LetterLine[], withMinimum: boolean, language: 'nb' | 'nn'): LetterBlock {
  const c = t.columns;
  const columns = withMinimum ? [c.year, c.grant, c.minimum, c.reportDeadline] : [c.year, c.grant, c.reportDeadline];
  const rows = lines.map((l) => [
    String(l.year),
    kroner(l.amount),
    ...(withMinimum ? [kroner(l.coFinancingRequired)] : []),
    norwegianDate(l.reportDeadline, language),
  ]);
  const total = [
    t.total,
    kroner(sum(lines.map((l) => l.amount))),
    ...(withMinimum ? [kroner(sum(lines.map((l) => l.coFinancingRequired)))] : []),
    '',
  ];
  return { type: 'table', columns, rows, total };
}

/** An amendment's years: before and now. */
function changeTable(t: Texts, m: LetterMeasure): LetterBlock {
  const before = new Map((m.previousLines ?? []).map((l) => [l.year, l.amount]));
  const years = [...new Set([...before.keys(), ...m.lines.map((l) => l.year)])].sort((a, b) => a - b);
  const now = new Map(m.lines.map((l) => [l.year, l.amount]));
  const rows = years.map((y) => [String(y), kroner(before.get(y) ?? 0), kroner(now.get(y) ?? 0)]);
  return {
    type: 'table',
    columns: [t.columns.year, t.columns.before, t.columns.after],
    rows,
    total: [t.total, kroner(sum([...before.values()])), kroner(sum([...now.values()]))],
  };
}

/** R12: the basis of the decision and every year that differs from the forum's recommendation. */
function reasonBlocks(t: Texts, f: GrantLetterFacts): LetterBlock[] {
  const blocks: LetterBlock[] = [{ type: 'heading', text: t.reasonsHeading }];
  if (f.reason) blocks.push({ type: 'paragraph', text: t.reason(f.reason) });
  const basis = f.measures[0]?.basis ?? 'no_recommendation';
  if (f.kind === 'decision' || f.kind === 'round' || f.kind === 'amendment') {
    blocks.push({
      type: 'paragraph',
      text: basis === 'recommendation' ? t.basisRecommendation : basis === 'no_agreement' ? t.basisNoAgreement : t.basisNone,
    });
  }
  for (const m of f.measures) {
    if (!m.deviates || f.kind === 'revocation' || f.kind === 'repayment_claim') continue;
    const parts = m.lines
      .filter((l) => l.recommended !== l.amount)
      .map((l) => t.deviationPart(l.year, kroner(l.recommended ?? 0), kroner(l.amount)));
    blocks.push({ type: 'paragraph', text: t.deviation(m.title, parts, m.deviationReason ?? f.reason ?? '') });
  }
  return blocks;
}

/** R7/R8: the least co-financing and its forms; none for a university or a scheme without it. */
function coFinancingBlocks(t: Texts, f: GrantLetterFacts): LetterBlock[] {
  const lines = f.measures.flatMap((m) => m.lines);
  const total = sum(lines.map((l) => l.coFinancingRequired));
  const percent = ruleSetFor(f.scheme, f.decisionYear).coFinancingPercent;
  if (!f.recipient.schoolOwner || total === 0)
    return [
      { type: 'heading', text: t.coFinancingHeading },
      { type: 'paragraph', text: t.noCoFinancing },
    ];
  return [
    { type: 'heading', text: t.coFinancingHeading },
    { type: 'paragraph', text: t.coFinancing(percent, kroner(total)) },
    { type: 'paragraph', text: t.coFinancingForms },
  ];
}

function bodyBlocks(t: Texts, f: GrantLetterFacts, office: string): LetterBlock[] {
  const m = f.measures[0];
  const withMinimum = f.recipient.schoolOwner && f.measures.some((x) => x.lines.some((l) => l.coFinancingRequired > 0));
  const language = f.settings.language;
  const decidedOn = norwegianDate(f.decidedOn ?? f.date, language);
  switch (f.kind) {
    case 'decision':
    case 'round': {
      const intro =
        f.kind === 'round'
          ? t.roundIntro(office, f.recipient.name, t.scheme(f.scheme), f.decisionYear, f.measures.length)
          : t.decisionIntro(office, f.recipient.name, t.scheme(f.scheme), f.decisionYear);
      const measures = f.measures.flatMap((x): LetterBlock[] => [
        { type: 'heading', text: t.measure(x.title, x.caseNumber) },
        linesTable(t, x.lines, withMinimum, language),
      ]);
      return [{ type: 'paragraph', text: intro }, ...measures];
    }
    case 'amendment':
      return [
        { type: 'paragraph', text: t.amendmentIntro(office, decidedOn, m.caseNumber) },
        { type: 'heading', text: t.measure(m.title, m.caseNumber) },
        changeTable(t, m),
        linesTable(t, m.lines, withMinimum, language),
      ];
    case 'revocation':
      return [
        { type: 'paragraph', text: t.revocationIntro(office, decidedOn, m.caseNumber, m.title, kroner(sum(m.lines.map((l) => l.amount)))) },
      ];
    case 'repayment_claim':
      return [{ type: 'paragraph', text: t.claimIntro(office, kroner(f.claim?.amount ?? 0), f.claim?.year ?? null, m.caseNumber) }];
  }
}

function conditionBlocks(t: Texts, f: GrantLetterFacts): LetterBlock[] {
  if (f.kind === 'revocation')
    return [
      { type: 'heading', text: t.conditionsHeading },
      { type: 'paragraph', text: t.revokedRepay },
    ];
  if (f.kind === 'repayment_claim') return [{ type: 'paragraph', text: t.claimPay }];
  return [
    ...coFinancingBlocks(t, f),
    { type: 'heading', text: t.conditionsHeading },
    { type: 'paragraph', text: t.conditionsReport },
    { type: 'paragraph', text: t.conditionsRepay },
  ];
}

/**
 * R22: the letter of a grant decision, an amendment, a revocation, a repayment claim or a whole round to one
 * recipient: recipient, measures and money per year, the least co-financing and its forms, the conditions,
 * the reasons and every difference from the recommendation (R12), the case number and the right to appeal.
 */
export function grantLetter(f: GrantLetterFacts): LetterModel {
  const t = textsFor(f.settings.language);
  const office = t.office(f.settings.officeName);
  const deadline = appealDeadlineOf(f.date);
  const titleSuffix = f.kind === 'round' || f.kind === 'decision' ? ` – ${f.decisionYear}` : '';
  return letterFrame(f.settings, {
    title: `${t.title[f.kind]}${titleSuffix}`,
    date: f.date,
    caseNumber: f.measures.map((m) => m.caseNumber).join(', '),
    recipient: f.recipient,
    blocks: [...bodyBlocks(t, f, office), ...conditionBlocks(t, f), ...reasonBlocks(t, f), ...appealBlocks(f.settings, deadline)],
    appealDeadline: deadline,
  });
}
