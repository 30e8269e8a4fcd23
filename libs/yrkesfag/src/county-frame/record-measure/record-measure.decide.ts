import { DomainError, type RuleViolation } from '#libs/kernel';
import type { Provider, YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty, findFrameYear, plannedIn } from '../ledger.js';
import type { ProgrammeArea, TargetGroup } from '../reference.js';
import { targetViolations, unique } from '../targets.js';
import { checkProvider } from './provider.js';

export interface RecordMeasure {
  type: 'RecordMeasure';
  year: number;
  title: string;
  provider: Provider;
  targetGroups: TargetGroup[];
  programmeAreas: ProgrammeArea[];
  needIds: string[];
  amount: number;
  creditBearing: boolean;
}

/** R18: the money of the year's measures never exceeds the year's frame (the stream's version makes it hold under concurrency). */
function checkMoney(command: RecordMeasure, state: YrkesfagState, violations: RuleViolation[]) {
  const frame = findFrameYear(state, command.year);
  if (!frame) {
    violations.push({ rule: 'R24', field: 'year', message: `Udir has set no YRKESFAG frame for ${command.year}` });
    return;
  }
  if (!Number.isSafeInteger(command.amount) || command.amount < 0) {
    violations.push({ rule: 'R18', field: 'amount', message: 'a measure has whole, non-negative kroner' });
    return;
  }
  const planned = plannedIn(state, command.year);
  if (planned + command.amount > frame.amount) {
    violations.push({
      rule: 'R18',
      field: 'amount',
      message: `${planned} of the ${frame.amount} kroner frame for ${command.year} are planned: at most ${frame.amount - planned} more`,
    });
  }
}

/** R24: a measure for target groups and programme areas, by a provider; R5: never credit-bearing; R18: within the frame. */
export function decideRecordMeasure(command: RecordMeasure, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const violations: RuleViolation[] = [];
  if (command.creditBearing) {
    violations.push({
      rule: 'R5',
      field: 'creditBearing',
      message: 'the money funds collective continuing development, never individual credit-bearing further education',
    });
  }
  if (!command.title.trim()) violations.push({ rule: 'R24', field: 'title', message: 'a measure needs a title' });
  const provider = checkProvider(command.provider, county, violations);
  violations.push(...targetViolations(command.targetGroups, command.programmeAreas));
  const needs = new Set(state.needs.map((n) => n.needId));
  command.needIds.forEach((id, i) => {
    if (!needs.has(id)) violations.push({ rule: 'R24', field: `needIds[${i}]`, message: `${id} is not a need recorded by ${county.name}` });
  });
  checkMoney(command, state, violations);
  if (violations.length) throw new DomainError(violations);
  const measureId = `M${state.measures.length + 1}`;
  return [
    {
      type: 'YrkesfagMeasureRecorded',
      data: {
        county: county.county,
        measureId,
        year: command.year,
        title: command.title.trim(),
        provider,
        targetGroups: unique(command.targetGroups),
        programmeAreas: unique(command.programmeAreas),
        needIds: unique(command.needIds),
        amount: command.amount,
      },
    },
  ];
}
