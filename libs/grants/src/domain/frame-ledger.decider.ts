import { ConflictError, DomainError, NotFoundError, RECIPIENT_KINDS, ruleSetFor, type OrgKind, type RuleViolation, type Scheme } from '#libs/kernel';
import type { Decider, DomainEvent, Warning } from '#libs/platform';
import { isSafeAmount } from './money.js';

/**
 * The frame ledger of one governor office and one scheme: the ministry's yearly frames (ramme) and every
 * allocation decision (vedtak) charged to them, over all years. One stream per office and scheme, so a
 * multi-year decision charges every year's frame in one append, and the expected-version check makes
 * concurrent decisions lose with 409 rather than push a frame over (R18).
 */

/** R15: a recipient reports by this month-day of the year after each grant year (data, per grant line). */
export const DEFAULT_REPORT_DEADLINE = '01-15';
export const reportDeadlineFor = (year: number, monthDay = DEFAULT_REPORT_DEADLINE) => `${year + 1}-${monthDay}`;

export interface AmountLine {
  year: number;
  amount: number;
}

export interface DecidedLine extends AmountLine {
  /** R15: the report for this year is due by this date. */
  reportDeadline: string;
  /** R12: what the forum recommended for this recipient, measure and year (null: no recommendation). */
  recommended: number | null;
}

/** R12: on what the governor decides. */
export type DecisionBasis = 'recommendation' | 'no_agreement' | 'no_recommendation';

export interface RecommendationFacts {
  basis: DecisionBasis;
  recommendationId: string | null;
  /** The recommended lines for this measure and recipient. */
  lines: AmountLine[];
}

export interface RecipientFacts {
  org: string;
  /** null: no such registered organisation. */
  kind: OrgKind | null;
}

export type LedgerCommand =
  | { type: 'SetFrame'; office: string; scheme: Scheme; year: number; amount: number }
  | { type: 'AdjustFrame'; year: number; amount: number; reason: string }
  | {
      type: 'DecideAllocation';
      grantId: string;
      office: string;
      scheme: Scheme;
      decisionYear: number;
      callId: string;
      measureId: string;
      recipient: RecipientFacts;
      lines: AmountLine[];
      recommendation: RecommendationFacts;
      deviationReason?: string;
      /** R14: the office's decision date for the call. */
      decisionDate: string;
      today: string;
      reportDeadlineMonthDay?: string;
    }
  | { type: 'AmendAllocation'; grantId: string; lines: AmountLine[]; recommendation: RecommendationFacts; reason: string; paidByYear: Record<number, number>; today: string }
  | { type: 'RevokeAllocation'; grantId: string; reason: string; paidTotal: number; today: string };

export interface AllocationDecidedData {
  grantId: string;
  office: string;
  scheme: Scheme;
  decisionYear: number;
  callId: string;
  measureId: string;
  recipientOrg: string;
  recipientKind: OrgKind;
  lines: DecidedLine[];
  basis: DecisionBasis;
  recommendationId: string | null;
  deviates: boolean;
  deviationReason: string | null;
  decidedOn: string;
  decisionDate: string;
  ruleSetVersion: string;
  warnings: Warning[];
}

export interface AllocationAmendedData {
  grantId: string;
  office: string;
  scheme: Scheme;
  previousLines: DecidedLine[];
  lines: DecidedLine[];
  basis: DecisionBasis;
  recommendationId: string | null;
  deviates: boolean;
  reason: string;
  amendedOn: string;
  ruleSetVersion: string;
  warnings: Warning[];
}

export type LedgerEvent =
  | DomainEvent<'FrameSet', { office: string; scheme: Scheme; year: number; amount: number }>
  | DomainEvent<'FrameAdjusted', { office: string; scheme: Scheme; year: number; previousAmount: number; amount: number; reason: string }>
  | DomainEvent<'AllocationDecided', AllocationDecidedData>
  | DomainEvent<'AllocationAmended', AllocationAmendedData>
  | DomainEvent<'AllocationRevoked', { grantId: string; office: string; scheme: Scheme; recipientOrg: string; reason: string; revokedOn: string; warnings: Warning[] }>;

export interface GrantCharge {
  grantId: string;
  office: string;
  scheme: Scheme;
  callId: string;
  measureId: string;
  recipientOrg: string;
  recipientKind: OrgKind;
  decisionYear: number;
  lines: DecidedLine[];
  status: 'active' | 'revoked';
  ruleSetVersion: string;
}

export interface LedgerState {
  office: string | null;
  scheme: Scheme | null;
  frames: Record<number, number>;
  grants: Record<string, GrantCharge>;
}

export const ledgerStream = (office: string, scheme: Scheme) => `FrameLedger-${office}-${scheme}`;

/** R9/R18: what the active decisions charge to a year's frame. */
export function chargedTo(state: LedgerState, year: number, except?: string): number {
  let sum = 0;
  for (const g of Object.values(state.grants)) {
    if (g.status !== 'active' || g.grantId === except) continue;
    for (const l of g.lines) if (l.year === year) sum += l.amount;
  }
  return sum;
}

/** Commitments from decisions of earlier years, and this year's decisions, on a year's frame (R9). */
export function frameUse(state: LedgerState, year: number) {
  let committedEarlier = 0;
  let decidedThisYear = 0;
  for (const g of Object.values(state.grants)) {
    if (g.status !== 'active') continue;
    for (const l of g.lines) {
      if (l.year !== year) continue;
      if (g.decisionYear < year) committedEarlier += l.amount;
      else decidedThisYear += l.amount;
    }
  }
  const frame = state.frames[year] ?? null;
  return { frame, committedEarlier, decidedThisYear, free: frame === null ? null : frame - committedEarlier - decidedThisYear };
}

function checkLines(lines: AmountLine[], decisionYear: number, maxSpan: number, violations: RuleViolation[]) {
  if (lines.length === 0) violations.push({ rule: 'R9', field: 'amounts', message: 'a decision grants money for at least one year' });
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (seen.has(l.year)) violations.push({ rule: 'R9', field: `amounts[${i}].year`, message: `year ${l.year} appears twice` });
    seen.add(l.year);
    if (!Number.isInteger(l.year) || l.year < decisionYear || l.year > decisionYear + maxSpan - 1) {
      violations.push({ rule: 'R9', field: `amounts[${i}].year`, message: `a measure spans at most ${maxSpan} school years from the decision year ${decisionYear}: years ${decisionYear}–${decisionYear + maxSpan - 1}` });
    }
    if (!isSafeAmount(l.amount) || l.amount === 0) violations.push({ rule: 'money', field: `amounts[${i}].amount`, message: 'an amount is a positive whole number of kroner' });
  });
}

/** R18: every year the lines charge has a frame, and none goes over it. */
function checkFrames(state: LedgerState, lines: AmountLine[], except: string | undefined, violations: RuleViolation[]) {
  lines.forEach((l, i) => {
    const frame = state.frames[l.year];
    if (frame === undefined) {
      violations.push({ rule: 'R18', field: `amounts[${i}].year`, message: `no frame is set for ${state.office} ${state.scheme} ${l.year}: nothing can be charged to it` });
      return;
    }
    const free = frame - chargedTo(state, l.year, except);
    if (l.amount > free) {
      violations.push({ rule: 'R18', field: `amounts[${i}].amount`, message: `${l.amount} kroner would push the ${l.year} frame of ${frame} over: ${free} kroner are free` });
    }
  });
}

/** R12: the decision compared with the recommendation, year by year. */
function compare(lines: AmountLine[], rec: RecommendationFacts) {
  const recommended = new Map(rec.lines.map((l) => [l.year, l.amount]));
  const years = new Set([...lines.map((l) => l.year), ...recommended.keys()]);
  const decided = new Map(lines.map((l) => [l.year, l.amount]));
  const deviates = rec.basis === 'recommendation' && [...years].some((y) => (decided.get(y) ?? 0) !== (recommended.get(y) ?? 0));
  const withRecommended = (l: AmountLine) => (rec.basis === 'recommendation' ? (recommended.get(l.year) ?? 0) : null);
  return { deviates, withRecommended };
}

function basisWarning(rec: RecommendationFacts): Warning[] {
  if (rec.basis === 'no_agreement') return [{ rule: 'R12', field: 'recommendation', message: 'the forum did not agree: the governor decides' }];
  if (rec.basis === 'no_recommendation') return [{ rule: 'R12', field: 'recommendation', message: 'there is no recommendation from the forum: the governor decides' }];
  return [];
}

const sortLines = <L extends AmountLine>(lines: L[]) => [...lines].sort((a, b) => a.year - b.year);

export const ledgerDecider: Decider<LedgerCommand, LedgerState, LedgerEvent> = {
  initialState: { office: null, scheme: null, frames: {}, grants: {} },

  evolve(state, event) {
    switch (event.type) {
      case 'FrameSet':
        return { ...state, office: event.data.office, scheme: event.data.scheme, frames: { ...state.frames, [event.data.year]: event.data.amount } };
      case 'FrameAdjusted':
        return { ...state, frames: { ...state.frames, [event.data.year]: event.data.amount } };
      case 'AllocationDecided': {
        const d = event.data;
        return {
          ...state,
          office: d.office,
          scheme: d.scheme,
          grants: {
            ...state.grants,
            [d.grantId]: { grantId: d.grantId, office: d.office, scheme: d.scheme, callId: d.callId, measureId: d.measureId, recipientOrg: d.recipientOrg, recipientKind: d.recipientKind, decisionYear: d.decisionYear, lines: d.lines, status: 'active', ruleSetVersion: d.ruleSetVersion },
          },
        };
      }
      case 'AllocationAmended': {
        const g = state.grants[event.data.grantId];
        return { ...state, grants: { ...state.grants, [g.grantId]: { ...g, lines: event.data.lines, ruleSetVersion: event.data.ruleSetVersion } } };
      }
      case 'AllocationRevoked': {
        const g = state.grants[event.data.grantId];
        return { ...state, grants: { ...state.grants, [g.grantId]: { ...g, status: 'revoked' } } };
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'SetFrame': {
        if (state.frames[command.year] !== undefined) {
          throw new ConflictError(`the ${command.year} frame of ${command.office} ${command.scheme} is set already: adjust it, with a reason`);
        }
        const violations: RuleViolation[] = [];
        if (!ruleSetFor(command.scheme, command.year).governorRole) violations.push({ rule: 'scheme', field: 'scheme', message: `${command.scheme} has no governor role: Udir pays county municipalities directly` });
        if (!isSafeAmount(command.amount)) violations.push({ rule: 'money', field: 'amount', message: 'a frame is a non-negative whole number of kroner' });
        if (violations.length) throw new DomainError(violations);
        return [{ type: 'FrameSet', data: { office: command.office, scheme: command.scheme, year: command.year, amount: command.amount } }];
      }

      case 'AdjustFrame': {
        const previous = state.frames[command.year];
        if (previous === undefined || !state.office || !state.scheme) throw new NotFoundError('frame', `${state.office ?? '?'} ${state.scheme ?? '?'} ${command.year}`);
        if (!isSafeAmount(command.amount)) throw DomainError.of('money', 'amount', 'a frame is a non-negative whole number of kroner');
        const charged = chargedTo(state, command.year);
        if (command.amount < charged) {
          throw DomainError.of('R18', 'amount', `decisions and commitments already charge ${charged} kroner to the ${command.year} frame: it cannot go below that`);
        }
        if (command.amount === previous) return [];
        return [{ type: 'FrameAdjusted', data: { office: state.office, scheme: state.scheme, year: command.year, previousAmount: previous, amount: command.amount, reason: command.reason } }];
      }

      case 'DecideAllocation': {
        const existing = state.grants[command.grantId];
        if (existing) {
          throw new ConflictError(
            existing.status === 'active'
              ? `${command.recipient.org} already has a decision for measure ${command.measureId}: amend it, with a reason (R21)`
              : `the decision for ${command.recipient.org} and measure ${command.measureId} was revoked; a revoked decision is not reopened`,
          );
        }
        const rules = ruleSetFor(command.scheme, command.decisionYear);
        const violations: RuleViolation[] = [];
        if (!rules.governorRole) violations.push({ rule: 'scheme', field: 'scheme', message: `${command.scheme} has no governor role: Udir pays county municipalities directly` });
        const kind = command.recipient.kind;
        if (kind === null) violations.push({ rule: 'R1', field: 'recipientOrg', message: `${command.recipient.org} is not a registered organisation` });
        else if (kind === 'commercial') violations.push({ rule: 'R2', field: 'recipientOrg', message: 'the governor never allocates to a commercial actor; a provider may only be a subcontractor under a university' });
        else if (!RECIPIENT_KINDS.includes(kind)) violations.push({ rule: 'R1', field: 'recipientOrg', message: `only school owners and universities receive grant money, not ${kind}` });
        checkLines(command.lines, command.decisionYear, rules.maxSpanYears, violations);
        const { deviates, withRecommended } = compare(command.lines, command.recommendation);
        const deviationReason = command.deviationReason?.trim() || null;
        if (deviates && !deviationReason) {
          violations.push({ rule: 'R12', field: 'deviationReason', message: 'the decision differs from the forum\'s recommendation: give the reason' });
        }
        if (violations.length === 0) checkFrames(state, command.lines, undefined, violations);
        if (violations.length) throw new DomainError(violations);
        const warnings: Warning[] = [...basisWarning(command.recommendation)];
        if (command.today > command.decisionDate) {
          warnings.push({ rule: 'R14', field: 'decidedOn', message: `decided on ${command.today}, after the office's decision date ${command.decisionDate}` });
        }
        const lines = sortLines(command.lines).map((l) => ({ year: l.year, amount: l.amount, reportDeadline: reportDeadlineFor(l.year, command.reportDeadlineMonthDay), recommended: withRecommended(l) }));
        return [
          {
            type: 'AllocationDecided',
            data: {
              grantId: command.grantId,
              office: command.office,
              scheme: command.scheme,
              decisionYear: command.decisionYear,
              callId: command.callId,
              measureId: command.measureId,
              recipientOrg: command.recipient.org,
              recipientKind: kind!,
              lines,
              basis: command.recommendation.basis,
              recommendationId: command.recommendation.recommendationId,
              deviates,
              deviationReason: deviates ? deviationReason : null,
              decidedOn: command.today,
              decisionDate: command.decisionDate,
              ruleSetVersion: rules.version,
              warnings,
            },
          },
        ];
      }

      case 'AmendAllocation': {
        const g = state.grants[command.grantId];
        if (!g) throw new NotFoundError('grant', command.grantId);
        if (g.status !== 'active') throw new ConflictError(`grant ${command.grantId} is revoked`);
        const rules = ruleSetFor(g.scheme, g.decisionYear);
        const violations: RuleViolation[] = [];
        checkLines(command.lines, g.decisionYear, rules.maxSpanYears, violations);
        const decided = new Map(command.lines.map((l) => [l.year, l.amount]));
        for (const [year, paid] of Object.entries(command.paidByYear)) {
          if (paid > (decided.get(Number(year)) ?? 0)) {
            violations.push({ rule: 'R16', field: 'amounts', message: `${paid} kroner are paid for ${year}: the grant cannot go below that; claim money back instead` });
          }
        }
        if (violations.length === 0) checkFrames(state, command.lines, g.grantId, violations);
        if (violations.length) throw new DomainError(violations);
        const { deviates, withRecommended } = compare(command.lines, command.recommendation);
        const deadlines = new Map(g.lines.map((l) => [l.year, l.reportDeadline]));
        const lines = sortLines(command.lines).map((l) => ({ year: l.year, amount: l.amount, reportDeadline: deadlines.get(l.year) ?? reportDeadlineFor(l.year), recommended: withRecommended(l) }));
        return [
          {
            type: 'AllocationAmended',
            data: {
              grantId: g.grantId,
              office: g.office,
              scheme: g.scheme,
              previousLines: g.lines,
              lines,
              basis: command.recommendation.basis,
              recommendationId: command.recommendation.recommendationId,
              deviates,
              reason: command.reason,
              amendedOn: command.today,
              ruleSetVersion: rules.version,
              warnings: basisWarning(command.recommendation),
            },
          },
        ];
      }

      case 'RevokeAllocation': {
        const g = state.grants[command.grantId];
        if (!g) throw new NotFoundError('grant', command.grantId);
        if (g.status !== 'active') throw new ConflictError(`grant ${command.grantId} is revoked already`);
        const warnings: Warning[] =
          command.paidTotal > 0 ? [{ rule: 'R16', field: 'grantId', message: `${command.paidTotal} kroner were paid: claim them back (a claim is its own event)` }] : [];
        return [{ type: 'AllocationRevoked', data: { grantId: g.grantId, office: g.office, scheme: g.scheme, recipientOrg: g.recipientOrg, reason: command.reason, revokedOn: command.today, warnings } }];
      }
    }
  },
};
