import type { DomainEvent } from '#libs/platform';
import type { Scheme } from '#libs/kernel';
import { decideDecideAllocations, type DecideAllocations } from './decide-allocations/decide-allocations.decide.js';
import { decideExtendReportDeadline, type ExtendReportDeadline } from './extend-report-deadline/extend-report-deadline.decide.js';
import type { GrantCharge, LedgerEvent, LedgerState } from './frame-ledger.aggregate.js';
import {
  decideImportCommitments,
  importedCharge,
  type CommitmentImportedData,
  type ImportCommitments,
} from './import-commitments/import-commitments.decide.js';
import { decideSetReportDeadline, type SetReportDeadline } from './set-report-deadline/set-report-deadline.decide.js';

/**
 * The frame ledger's decision-day commands and events: many decisions at once (R12, R18), the office's report
 * deadlines and one recipient's extension (R26), and commitments imported from before Dekomp (R9).
 */
export type DecisionDayCommand = DecideAllocations | SetReportDeadline | ExtendReportDeadline | ImportCommitments;

export type ReportDeadlineSet = DomainEvent<
  'ReportDeadlineSet',
  { office: string; scheme: Scheme; year: number; previousDeadline: string; deadline: string; reason: string }
>;
export type ReportDeadlineExtended = DomainEvent<
  'ReportDeadlineExtended',
  {
    grantId: string;
    office: string;
    scheme: Scheme;
    recipientOrg: string;
    year: number;
    previousDeadline: string;
    deadline: string;
    reason: string;
  }
>;
export type CommitmentImported = DomainEvent<'CommitmentImported', CommitmentImportedData>;
export type DecisionDayEvent = ReportDeadlineSet | ReportDeadlineExtended | CommitmentImported;

const withDeadline = (g: GrantCharge, year: number, from: string | null, to: string): GrantCharge => ({
  ...g,
  lines: g.lines.map((l) => (l.year === year && (from === null || l.reportDeadline === from) ? { ...l, reportDeadline: to } : l)),
});

export function evolveDecisionDay(state: LedgerState, event: DecisionDayEvent): LedgerState {
  switch (event.type) {
    case 'ReportDeadlineSet': {
      const d = event.data;
      const grants = Object.fromEntries(
        Object.entries(state.grants).map(([id, g]) => [id, withDeadline(g, d.year, d.previousDeadline, d.deadline)]),
      );
      return {
        ...state,
        office: d.office,
        scheme: d.scheme,
        reportDeadlines: { ...(state.reportDeadlines ?? {}), [d.year]: d.deadline },
        grants,
      };
    }
    case 'ReportDeadlineExtended': {
      const g = state.grants[event.data.grantId];
      return {
        ...state,
        grants: {
          ...state.grants,
          [g.grantId]: { ...withDeadline(g, event.data.year, null, event.data.deadline), changes: g.changes + 1 },
        },
      };
    }
    case 'CommitmentImported':
      return {
        ...state,
        office: event.data.office,
        scheme: event.data.scheme,
        grants: { ...state.grants, [event.data.grantId]: importedCharge(event.data) },
      };
  }
}

export function decideDecisionDay(
  command: DecisionDayCommand,
  state: LedgerState,
  evolve: (s: LedgerState, e: LedgerEvent) => LedgerState,
): LedgerEvent[] {
  switch (command.type) {
    case 'DecideAllocations':
      return decideDecideAllocations(command, state, evolve);
    case 'SetReportDeadline':
      return decideSetReportDeadline(command, state);
    case 'ExtendReportDeadline':
      return decideExtendReportDeadline(command, state);
    case 'ImportCommitments':
      return decideImportCommitments(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
