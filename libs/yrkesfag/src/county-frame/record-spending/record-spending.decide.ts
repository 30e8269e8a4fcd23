import { ConflictError, DomainError, isCalendarDate, NotFoundError, type RuleViolation } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty, frameYear } from '../ledger.js';
import { TARGET_GROUPS, type Participants } from '../reference.js';

export interface RecordSpending {
  type: 'RecordSpending';
  measureId: string;
  amount: number;
  spentOn: string;
  participants: Participants;
}

/** The county records what a measure spent and whom it reached, per target group (R24); never over the frame (R18). */
export function decideRecordSpending(command: RecordSpending, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const measure = state.measures.find((m) => m.measureId === command.measureId);
  if (!measure) throw new NotFoundError('YRKESFAG measure', `${county.county}/${command.measureId}`);
  const frame = frameYear(county, measure.year);
  if (frame.report)
    throw new ConflictError(`the report for ${measure.year} was submitted on ${frame.report.submittedOn}: spending is closed`);
  const violations: RuleViolation[] = [];
  if (!Number.isSafeInteger(command.amount) || command.amount < 0)
    violations.push({ rule: 'R16', field: 'amount', message: 'spending is whole, non-negative kroner' });
  else if (frame.spent + command.amount > frame.amount) {
    violations.push({
      rule: 'R18',
      field: 'amount',
      message: `${frame.spent} of the ${frame.amount} kroner frame for ${measure.year} are spent: at most ${frame.amount - frame.spent} more`,
    });
  }
  if (!isCalendarDate(command.spentOn)) violations.push({ rule: 'R16', field: 'spentOn', message: 'spentOn must be a date (YYYY-MM-DD)' });
  for (const g of TARGET_GROUPS) {
    const n = command.participants[g];
    if (!Number.isSafeInteger(n) || n < 0)
      violations.push({ rule: 'R24', field: `participants.${g}`, message: 'participants are a whole, non-negative number' });
  }
  if (violations.length) throw new DomainError(violations);
  const participants = Object.fromEntries(TARGET_GROUPS.map((g) => [g, command.participants[g]])) as Participants;
  return [
    {
      type: 'YrkesfagSpendingRecorded',
      data: {
        county: county.county,
        spendingId: `S${state.spendings + 1}`,
        year: measure.year,
        measureId: measure.measureId,
        amount: command.amount,
        spentOn: command.spentOn,
        participants,
      },
    },
  ];
}
