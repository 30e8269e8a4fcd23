import {
  ConflictError,
  DomainError,
  holdsCountyDuties,
  isCalendarDate,
  ruleSetFor,
  type Organisation,
  type RuleViolation,
} from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { findFrameYear } from '../ledger.js';

export interface SetFrame {
  type: 'SetFrame';
  county: string;
  year: number;
  amount: number;
  reportDeadline: string;
  /** The county as ORGANISATION_DIRECTORY knows it (null: not registered). */
  organisation: Organisation | null;
}

/**
 * R24: Udir sets a yearly frame directly for a county municipality (Oslo kommune for Oslo), the grant holder;
 * R26: its report deadline.
 */
export function decideSetFrame(command: SetFrame, state: YrkesfagState): YrkesfagEvent[] {
  const org = command.organisation;
  if (!org || !holdsCountyDuties(org)) {
    throw DomainError.of(
      'R24',
      'countyOrg',
      `YRKESFAG frames go to county municipalities (and Oslo kommune) only: ${command.county} is ${org ? `a ${org.kind}` : 'not a registered organisation'}`,
    );
  }
  if (findFrameYear(state, command.year))
    throw new ConflictError(`${org.name} has a YRKESFAG frame for ${command.year} already: adjust it with a reason`);
  const violations: RuleViolation[] = [];
  if (!Number.isSafeInteger(command.amount) || command.amount < 0)
    violations.push({ rule: 'R18', field: 'amount', message: 'a frame is whole, non-negative kroner' });
  if (!isCalendarDate(command.reportDeadline))
    violations.push({ rule: 'R26', field: 'reportDeadline', message: 'reportDeadline must be a date (YYYY-MM-DD)' });
  else if (command.reportDeadline <= `${command.year}-01-01`)
    violations.push({
      rule: 'R26',
      field: 'reportDeadline',
      message: `the report for ${command.year} cannot be due before the year has begun`,
    });
  if (violations.length) throw new DomainError(violations);
  return [
    {
      type: 'YrkesfagFrameSet',
      data: {
        county: org.orgNumber,
        countyName: org.name,
        year: command.year,
        amount: command.amount,
        reportDeadline: command.reportDeadline,
        ruleSetVersion: ruleSetFor('YRKESFAG', command.year).version,
      },
    },
  ];
}
