import type { AllocationDecidedData, LedgerEvent } from '../frame-ledger/frame-ledger.aggregate.js';
import { effectiveLetterSettings, type LetterSettings } from './letter-settings/letter-settings.aggregate.js';
import type { Positioned } from './model/grant-steps.js';

/** Shared Given material for the letter specs: a two-year decision for Stavanger, deviating from the forum. */
export const GRANT = 'ROGALAND.DEKOMP.m1.964965226';

export const decidedData = (over: Partial<AllocationDecidedData> = {}): AllocationDecidedData => ({
  grantId: GRANT,
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  decisionYear: 2028,
  callId: 'rogaland-dekomp-2028',
  measureId: 'm1',
  recipientOrg: '964965226',
  recipientKind: 'municipality',
  lines: [
    { year: 2028, amount: 300_000, reportDeadline: '2029-01-15', recommended: 350_000, coFinancingRequired: 90_000 },
    { year: 2029, amount: 200_000, reportDeadline: '2030-01-15', recommended: 200_000, coFinancingRequired: 60_000 },
  ],
  basis: 'recommendation',
  recommendationId: 'rec-1',
  deviates: true,
  deviationReason: 'the first year starts in the autumn',
  decidedOn: '2028-04-20',
  decisionDate: '2028-04-30',
  ruleSetVersion: 'dekomp-2021.1',
  warnings: [],
  caseNumber: '2028/DEKOMP-1',
  ...over,
});

export const decisionEvent = (over: Partial<AllocationDecidedData> = {}): Positioned<LedgerEvent> => ({
  event: { type: 'AllocationDecided', data: decidedData(over) },
  position: 5,
});

export const amendmentEvent = (position = 9): Positioned<LedgerEvent> => ({
  event: {
    type: 'AllocationAmended',
    data: {
      grantId: GRANT,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      previousLines: decidedData().lines,
      lines: [
        { year: 2028, amount: 350_000, reportDeadline: '2029-01-15', recommended: 350_000, coFinancingRequired: 105_000 },
        { year: 2029, amount: 200_000, reportDeadline: '2030-01-15', recommended: 200_000 },
      ],
      basis: 'recommendation',
      recommendationId: 'rec-1',
      deviates: false,
      reason: 'the appeal is upheld in part',
      amendedOn: '2028-05-10',
      ruleSetVersion: 'dekomp-2021.1',
      warnings: [],
    },
  },
  position,
});

export const settings = (over: Partial<LetterSettings> = {}): LetterSettings => ({
  ...effectiveLetterSettings('ROGALAND', { settings: null }),
  letterhead: { address: 'Postboks 59 Sentrum, 4001 Stavanger', phone: '51 56 87 00', email: 'sfropost@statsforvalteren.no' },
  signatory: { name: 'Kari Nordmann', title: 'utdanningsdirektør' },
  ...over,
});

export const names = { recipient: 'Stavanger kommune', measureTitle: 'Lesing i alle fag' };

/** The letter's words as one string, with non-breaking spaces as spaces. */
export const wordsOf = (m: {
  title: string;
  references: Array<[string, string]>;
  recipient: string[];
  blocks: Array<{ type: string; text?: string; columns?: string[]; rows?: string[][]; total?: string[] }>;
}) =>
  [
    m.title,
    ...m.references.flat(),
    ...m.recipient,
    ...m.blocks.flatMap((b) => (b.type === 'table' ? [...b.columns!, ...b.rows!.flat(), ...(b.total ?? [])] : [b.text!])),
  ]
    .join('\n')
    .replace(/\u00a0/g, ' ');
