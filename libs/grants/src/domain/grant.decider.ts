import { ConflictError, DomainError, minimumCoFinancing, NotFoundError, ruleSetFor, SCHOOL_OWNER_KINDS, type OrgKind, type RuleViolation, type Scheme } from '#libs/kernel';
import type { Decider, DomainEvent, Warning } from '#libs/platform';
import type { DecidedLine } from './frame-ledger.decider.js';
import { isSafeAmount, sum } from './money.js';

/**
 * The life of one grant after the decision: acceptance with co-financing (egenandel), payments, reports,
 * approval, repayment claims and their settlement. The decision itself lives in the frame ledger; handlers read
 * it there and pass it in as `grant`.
 */
export interface GrantFacts {
  grantId: string;
  office: string;
  scheme: Scheme;
  recipientOrg: string;
  recipientKind: OrgKind;
  status: 'active' | 'revoked';
  lines: DecidedLine[];
}

/** Co-financing by form (R7): money, salary, or released staff time valued in kroner, in any mix. */
export interface CoFinancingForms {
  money: number;
  salary: number;
  releasedTime: number;
}

export interface CoFinancingLine extends CoFinancingForms {
  year: number;
}

export interface ParticipantCount {
  role: string;
  count: number;
}

export interface OverdueReport {
  grantId: string;
  year: number;
  deadline: string;
}

export type GrantCommand =
  | { type: 'AcceptGrant'; grant: GrantFacts; coFinancing: CoFinancingLine[]; today: string }
  | { type: 'RecordPayment'; grant: GrantFacts; paymentId: string; year: number; amount: number; paidOn: string; overdueReports: OverdueReport[] }
  | {
      type: 'SubmitReport';
      grant: GrantFacts;
      year: number;
      spent: number;
      unspent: number;
      coFinancingProvided: CoFinancingForms;
      participants: ParticipantCount[];
      evaluation: string;
      teacherEducationFeedback?: string;
      today: string;
    }
  | { type: 'ApproveReport'; grant: GrantFacts; year: number; today: string }
  | { type: 'ClaimRepayment'; grant: GrantFacts; claimId: string; year: number | null; amount: number; reason: string; today: string }
  | { type: 'SettleRepayment'; grant: GrantFacts; claimId: string; amount: number; settledOn: string };

interface Base {
  grantId: string;
  office: string;
  scheme: Scheme;
  recipientOrg: string;
}

export type GrantEvent =
  | DomainEvent<'GrantAccepted', Base & { coFinancing: Array<CoFinancingLine & { committed: number; required: number }>; acceptedOn: string }>
  | DomainEvent<'GrantPaymentRecorded', Base & { paymentId: string; year: number; amount: number; paidOn: string }>
  | DomainEvent<
      'GrantReportSubmitted',
      Base & {
        year: number;
        spent: number;
        unspent: number;
        coFinancingProvided: CoFinancingForms & { total: number };
        coFinancingRequired: number;
        /** R7: documented below the minimum (null: no shortfall). */
        coFinancingShortfall: { required: number; documented: number; missing: number } | null;
        participants: ParticipantCount[];
        evaluation: string;
        teacherEducationFeedback: string | null;
        submittedOn: string;
        deadline: string;
        late: boolean;
        warnings: Warning[];
      }
    >
  | DomainEvent<'GrantReportApproved', Base & { year: number; approvedOn: string }>
  | DomainEvent<'RepaymentClaimed', Base & { claimId: string; year: number | null; amount: number; reason: string; claimedOn: string }>
  | DomainEvent<'RepaymentSettled', Base & { claimId: string; amount: number; settledOn: string; outstanding: number }>;

export interface GrantState {
  accepted: boolean;
  paid: Record<number, number>;
  reports: Record<number, 'submitted' | 'approved'>;
  claims: Record<string, { amount: number; settled: number }>;
}

/** R7/R8: the least co-financing for a recipient, a year and its grant amount. */
export function requiredCoFinancing(grant: Pick<GrantFacts, 'scheme' | 'recipientKind'>, year: number, amount: number): number {
  if (!SCHOOL_OWNER_KINDS.includes(grant.recipientKind)) return 0;
  return minimumCoFinancing(amount, ruleSetFor(grant.scheme, year).coFinancingPercent);
}

const base = (g: GrantFacts): Base => ({ grantId: g.grantId, office: g.office, scheme: g.scheme, recipientOrg: g.recipientOrg });
const total = (f: CoFinancingForms) => f.money + f.salary + f.releasedTime;

function checkForms(f: CoFinancingForms, field: string, violations: RuleViolation[]) {
  for (const k of ['money', 'salary', 'releasedTime'] as const) {
    if (!isSafeAmount(f[k])) violations.push({ rule: 'money', field: `${field}.${k}`, message: 'a whole, non-negative number of kroner' });
  }
}

function lineOf(grant: GrantFacts, year: number): DecidedLine {
  const line = grant.lines.find((l) => l.year === year);
  if (!line) throw DomainError.of('R9', 'year', `grant ${grant.grantId} has no money for ${year}; its years are ${grant.lines.map((l) => l.year).join(', ')}`);
  return line;
}

export const grantDecider: Decider<GrantCommand, GrantState, GrantEvent> = {
  initialState: { accepted: false, paid: {}, reports: {}, claims: {} },

  evolve(state, event) {
    switch (event.type) {
      case 'GrantAccepted':
        return { ...state, accepted: true };
      case 'GrantPaymentRecorded':
        return { ...state, paid: { ...state.paid, [event.data.year]: (state.paid[event.data.year] ?? 0) + event.data.amount } };
      case 'GrantReportSubmitted':
        return { ...state, reports: { ...state.reports, [event.data.year]: 'submitted' } };
      case 'GrantReportApproved':
        return { ...state, reports: { ...state.reports, [event.data.year]: 'approved' } };
      case 'RepaymentClaimed':
        return { ...state, claims: { ...state.claims, [event.data.claimId]: { amount: event.data.amount, settled: 0 } } };
      case 'RepaymentSettled': {
        const c = state.claims[event.data.claimId];
        return { ...state, claims: { ...state.claims, [event.data.claimId]: { ...c, settled: c.settled + event.data.amount } } };
      }
    }
  },

  decide(command, state) {
    const g = command.grant;
    switch (command.type) {
      case 'AcceptGrant': {
        if (g.status !== 'active') throw new ConflictError(`grant ${g.grantId} is revoked`);
        if (state.accepted) throw new ConflictError(`grant ${g.grantId} is accepted already`);
        const violations: RuleViolation[] = [];
        const given = new Map<number, CoFinancingLine>();
        command.coFinancing.forEach((c, i) => {
          checkForms(c, `coFinancing[${i}]`, violations);
          if (given.has(c.year)) violations.push({ rule: 'R7', field: `coFinancing[${i}].year`, message: `year ${c.year} appears twice` });
          if (!g.lines.some((l) => l.year === c.year)) violations.push({ rule: 'R7', field: `coFinancing[${i}].year`, message: `the grant has no money for ${c.year}` });
          given.set(c.year, c);
        });
        if (violations.length) throw new DomainError(violations);
        const lines = g.lines.map((l) => {
          const c = given.get(l.year) ?? { year: l.year, money: 0, salary: 0, releasedTime: 0 };
          return { ...c, committed: total(c), required: requiredCoFinancing(g, l.year, l.amount) };
        });
        for (const l of lines) {
          if (l.committed < l.required) {
            violations.push({
              rule: 'R7',
              field: `coFinancing[year=${l.year}]`,
              message: `co-financing for ${l.year} must be at least ${l.required} kroner (${ruleSetFor(g.scheme, l.year).coFinancingPercent} % of the grant); ${l.committed} committed`,
            });
          }
        }
        if (violations.length) throw new DomainError(violations);
        return [{ type: 'GrantAccepted', data: { ...base(g), coFinancing: lines, acceptedOn: command.today } }];
      }

      case 'RecordPayment': {
        if (g.status !== 'active') throw new ConflictError(`grant ${g.grantId} is revoked: nothing more is paid`);
        const violations: RuleViolation[] = [];
        if (!state.accepted) violations.push({ rule: 'acceptance', field: 'grantId', message: 'the recipient has not accepted the grant: nothing is paid before' });
        if (command.overdueReports.length > 0) {
          const list = command.overdueReports.map((o) => `${o.grantId} (${o.year}, due ${o.deadline})`).join(', ');
          violations.push({ rule: 'R15', field: 'grantId', message: `${g.recipientOrg} has overdue reports: ${list}; no payment until they arrive` });
        }
        if (!isSafeAmount(command.amount) || command.amount === 0) violations.push({ rule: 'money', field: 'amount', message: 'a payment is a positive whole number of kroner' });
        if (violations.length) throw new DomainError(violations);
        const line = lineOf(g, command.year);
        const paid = state.paid[command.year] ?? 0;
        if (paid + command.amount > line.amount) {
          throw DomainError.of('payment', 'amount', `the grant for ${command.year} is ${line.amount} kroner and ${paid} are paid: at most ${line.amount - paid} more`);
        }
        return [{ type: 'GrantPaymentRecorded', data: { ...base(g), paymentId: command.paymentId, year: command.year, amount: command.amount, paidOn: command.paidOn } }];
      }

      case 'SubmitReport': {
        const line = lineOf(g, command.year);
        if (state.reports[command.year]) throw new ConflictError(`the report for ${command.year} is submitted already`);
        const violations: RuleViolation[] = [];
        if (!state.accepted) violations.push({ rule: 'acceptance', field: 'grantId', message: 'the grant was never accepted: there is nothing to report' });
        if (!isSafeAmount(command.spent)) violations.push({ rule: 'money', field: 'spent', message: 'a whole, non-negative number of kroner' });
        if (!isSafeAmount(command.unspent)) violations.push({ rule: 'money', field: 'unspent', message: 'a whole, non-negative number of kroner' });
        checkForms(command.coFinancingProvided, 'coFinancingProvided', violations);
        command.participants.forEach((p, i) => {
          if (!isSafeAmount(p.count)) violations.push({ rule: 'report', field: `participants[${i}].count`, message: 'a whole, non-negative number' });
        });
        if (!command.evaluation.trim()) violations.push({ rule: 'report', field: 'evaluation', message: 'the recipient\'s own evaluation of the measure is required' });
        const paid = state.paid[command.year] ?? 0;
        if (violations.length === 0 && command.spent + command.unspent !== paid) {
          violations.push({ rule: 'R16', field: 'unspent', message: `spent and unspent must account for the ${paid} kroner paid for ${command.year}` });
        }
        const feedback = command.teacherEducationFeedback?.trim() || null;
        if (g.recipientKind === 'university' && !feedback) {
          violations.push({ rule: 'R17', field: 'teacherEducationFeedback', message: 'a university states how the partnership fed back into teacher education' });
        }
        if (violations.length) throw new DomainError(violations);
        const required = requiredCoFinancing(g, command.year, line.amount);
        const documented = total(command.coFinancingProvided);
        const shortfall = documented < required ? { required, documented, missing: required - documented } : null;
        const late = command.today > line.reportDeadline;
        const warnings: Warning[] = [];
        if (shortfall) warnings.push({ rule: 'R7', field: 'coFinancingProvided', message: `documented co-financing ${documented} is below the minimum ${required}: the grant is in co-financing shortfall` });
        if (late) warnings.push({ rule: 'R15', field: 'year', message: `the report was due ${line.reportDeadline}` });
        return [
          {
            type: 'GrantReportSubmitted',
            data: {
              ...base(g),
              year: command.year,
              spent: command.spent,
              unspent: command.unspent,
              coFinancingProvided: { ...command.coFinancingProvided, total: documented },
              coFinancingRequired: required,
              coFinancingShortfall: shortfall,
              participants: command.participants,
              evaluation: command.evaluation,
              teacherEducationFeedback: feedback,
              submittedOn: command.today,
              deadline: line.reportDeadline,
              late,
              warnings,
            },
          },
        ];
      }

      case 'ApproveReport': {
        const status = state.reports[command.year];
        if (!status) throw new NotFoundError('report', `${g.grantId} ${command.year}`);
        if (status === 'approved') throw new ConflictError(`the report for ${command.year} is approved already`);
        return [{ type: 'GrantReportApproved', data: { ...base(g), year: command.year, approvedOn: command.today } }];
      }

      case 'ClaimRepayment': {
        if (state.claims[command.claimId]) throw new ConflictError(`claim ${command.claimId} exists already`);
        if (command.year !== null) lineOf(g, command.year);
        if (!isSafeAmount(command.amount) || command.amount === 0) throw DomainError.of('money', 'amount', 'a claim is a positive whole number of kroner');
        const paid = sum(Object.values(state.paid));
        const claimed = sum(Object.values(state.claims).map((c) => c.amount));
        if (claimed + command.amount > paid) {
          throw DomainError.of('R16', 'amount', `${paid} kroner were paid and ${claimed} are claimed already: at most ${paid - claimed} more can be claimed`);
        }
        return [{ type: 'RepaymentClaimed', data: { ...base(g), claimId: command.claimId, year: command.year, amount: command.amount, reason: command.reason, claimedOn: command.today } }];
      }

      case 'SettleRepayment': {
        const c = state.claims[command.claimId];
        if (!c) throw new NotFoundError('repayment claim', command.claimId);
        const outstanding = c.amount - c.settled;
        if (outstanding === 0) throw new ConflictError(`claim ${command.claimId} is settled already`);
        if (!isSafeAmount(command.amount) || command.amount === 0) throw DomainError.of('money', 'amount', 'a settlement is a positive whole number of kroner');
        if (command.amount > outstanding) throw DomainError.of('R16', 'amount', `${outstanding} kroner are outstanding on claim ${command.claimId}`);
        return [{ type: 'RepaymentSettled', data: { ...base(g), claimId: command.claimId, amount: command.amount, settledOn: command.settledOn, outstanding: outstanding - command.amount } }];
      }
    }
  },
};
