import { ConflictError, DomainError, NotFoundError, type RuleViolation } from '#libs/kernel';
import type { AppealEvent, AppealState, GovernorOutcome, Remedy } from '../appeal.aggregate.js';

export interface ReconsiderAppeal {
  type: 'ReconsiderAppeal';
  appealId: string;
  outcome: GovernorOutcome;
  reason: string;
  /** R23: why a late appeal is considered all the same. */
  lateReason: string | null;
  /** A reversal's change on the frame ledger (null for upheld and dismissed); lines empty when none was given. */
  remedy: Remedy | null;
  today: string;
}

export const isReversal = (outcome: string) => outcome === 'reversed' || outcome === 'partly_reversed';

/** A reversal changes the money: it names the new lines (R23), which the frame ledger then charges (R18). */
export function remedyViolations(outcome: string, remedy: Remedy | null): RuleViolation[] {
  if (isReversal(outcome) && (!remedy || remedy.lines.length === 0)) {
    return [{ rule: 'R23', field: 'amounts', message: `a ${outcome.replace('_', ' ')} decision names the money per year it now grants` }];
  }
  return [];
}

/** R23: the governor reconsiders a lodged appeal first: reverses it fully or partly, upholds and forwards it to Udir, or (late) dismisses it. */
export function decideReconsiderAppeal(c: ReconsiderAppeal, state: AppealState): AppealEvent[] {
  const a = state.lodged;
  if (!a) throw new NotFoundError('appeal', c.appealId);
  if (state.status !== 'lodged')
    throw new ConflictError(`appeal ${c.appealId} is ${state.status}: the governor has reconsidered it already`);
  const violations: RuleViolation[] = [];
  if (!c.reason.trim()) violations.push({ rule: 'R23', field: 'reason', message: 'every step of an appeal gives its reason' });
  if (c.outcome === 'dismissed' && !a.late)
    violations.push({ rule: 'R23', field: 'outcome', message: 'only a late appeal may be dismissed; a timely one is reconsidered' });
  if (a.late && c.outcome !== 'dismissed' && !c.lateReason?.trim()) {
    violations.push({
      rule: 'R23',
      field: 'lateReason',
      message: `the appeal came on ${a.lodgedOn}, after the deadline ${a.deadline}: give the reason to consider it all the same`,
    });
  }
  violations.push(...remedyViolations(c.outcome, c.remedy));
  if (violations.length) throw new DomainError(violations);
  const remedy = isReversal(c.outcome) ? c.remedy : null;
  const events: AppealEvent[] = [
    {
      type: 'AppealReconsidered',
      data: {
        appealId: c.appealId,
        office: a.office,
        outcome: c.outcome,
        reason: c.reason.trim(),
        lateReason: c.lateReason?.trim() || null,
        remedy,
        reconsideredOn: c.today,
      },
    },
  ];
  if (c.outcome === 'upheld')
    events.push({ type: 'AppealForwarded', data: { appealId: c.appealId, office: a.office, to: 'UDIR', forwardedOn: c.today } });
  return events;
}
