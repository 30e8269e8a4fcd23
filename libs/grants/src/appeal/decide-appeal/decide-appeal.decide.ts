import { ConflictError, DomainError, NotFoundError, type RuleViolation } from '#libs/kernel';
import type { AppealEvent, AppealState, Remedy, UdirOutcome } from '../appeal.aggregate.js';
import { isReversal, remedyViolations } from '../reconsider-appeal/reconsider-appeal.decide.js';

export interface DecideAppeal {
  type: 'DecideAppeal';
  appealId: string;
  outcome: UdirOutcome;
  reason: string;
  remedy: Remedy | null;
  today: string;
}

/** R23: Udir, the appellate body, decides an appeal the governor forwarded: upheld, reversed or partly reversed. */
export function decideDecideAppeal(c: DecideAppeal, state: AppealState): AppealEvent[] {
  const a = state.lodged;
  if (!a) throw new NotFoundError('appeal', c.appealId);
  if (state.status !== 'forwarded')
    throw new ConflictError(`appeal ${c.appealId} is ${state.status}: Udir decides only an appeal the governor upheld and forwarded`);
  const violations: RuleViolation[] = [];
  if (!c.reason.trim()) violations.push({ rule: 'R23', field: 'reason', message: 'every step of an appeal gives its reason' });
  violations.push(...remedyViolations(c.outcome, c.remedy));
  if (violations.length) throw new DomainError(violations);
  const remedy = isReversal(c.outcome) ? c.remedy : null;
  return [
    {
      type: 'AppealDecided',
      data: { appealId: c.appealId, office: a.office, by: 'UDIR', outcome: c.outcome, reason: c.reason.trim(), remedy, decidedOn: c.today },
    },
  ];
}
