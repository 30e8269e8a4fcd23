import { DomainError, type RuleViolation } from '#libs/kernel';
import type { PlanLine, YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty, frameYear } from '../ledger.js';

export interface AdoptPlan {
  type: 'AdoptPlan';
  year: number;
  lines: PlanLine[];
  /** Today in Norway (CLOCK). */
  today: string;
  /** Why a plan is revised (R21); none for the first plan. */
  reason: string | null;
}

/** R24: the plan names every measure of the year exactly once, with distinct priorities from 1. */
function lineViolations(command: AdoptPlan, state: YrkesfagState): RuleViolation[] {
  const v: RuleViolation[] = [];
  const ofYear = state.measures.filter((m) => m.year === command.year).map((m) => m.measureId);
  const seen = new Set<string>();
  const priorities = new Set<number>();
  command.lines.forEach((l, i) => {
    if (!ofYear.includes(l.measureId))
      v.push({ rule: 'R24', field: `lines[${i}].measureId`, message: `${l.measureId} is not a measure of ${command.year}` });
    else if (seen.has(l.measureId)) v.push({ rule: 'R24', field: `lines[${i}].measureId`, message: `${l.measureId} is in the plan twice` });
    seen.add(l.measureId);
    if (!Number.isSafeInteger(l.priority) || l.priority < 1 || priorities.has(l.priority))
      v.push({ rule: 'R24', field: `lines[${i}].priority`, message: 'priorities are distinct whole numbers from 1' });
    priorities.add(l.priority);
    if (!Number.isSafeInteger(l.amount) || l.amount < 0)
      v.push({ rule: 'R18', field: `lines[${i}].amount`, message: 'an amount is whole, non-negative kroner' });
  });
  const missing = ofYear.filter((id) => !seen.has(id));
  if (missing.length)
    v.push({
      rule: 'R24',
      field: 'lines',
      message: `the plan prioritises every measure of ${command.year}; missing: ${missing.join(', ')}`,
    });
  return v;
}

/** R24: the county's yearly plan prioritises its measures and splits the money; R18: never over the year's frame. */
export function decideAdoptPlan(command: AdoptPlan, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const frame = frameYear(county, command.year);
  const violations = lineViolations(command, state);
  const total = command.lines.reduce((s, l) => s + (Number.isSafeInteger(l.amount) ? l.amount : 0), 0);
  if (total > frame.amount)
    violations.push({
      rule: 'R18',
      field: 'lines',
      message: `the plan splits ${total} kroner, but the ${command.year} frame is ${frame.amount}`,
    });
  if (frame.planRevision > 0 && !command.reason?.trim())
    violations.push({ rule: 'R21', field: 'reason', message: 'a revised plan needs a reason' });
  if (violations.length) throw new DomainError(violations);
  const lines = [...command.lines]
    .sort((a, b) => a.priority - b.priority)
    .map(({ measureId, priority, amount }) => ({ measureId, priority, amount }));
  return [
    {
      type: 'YrkesfagPlanAdopted',
      data: {
        county: county.county,
        year: command.year,
        revision: frame.planRevision + 1,
        adoptedOn: command.today,
        lines,
        plannedTotal: total,
        reason: command.reason?.trim() || null,
      },
    },
  ];
}
