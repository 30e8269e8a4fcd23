import { DomainError, type RuleViolation } from '#libs/kernel';
import { isValidOrgNumber } from '#libs/reference-data';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty } from '../ledger.js';
import { NEED_SOURCES, type NeedSource, type ProgrammeArea, type TargetGroup } from '../reference.js';
import { targetViolations, unique } from '../targets.js';

export interface RecordNeed {
  type: 'RecordNeed';
  year: number;
  fromOrg: string;
  source: NeedSource;
  targetGroups: TargetGroup[];
  programmeAreas: ProgrammeArea[];
  description: string;
}

/** R24: needs come from schools and training companies (by org number), for target groups and programme areas. */
export function decideRecordNeed(command: RecordNeed, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const violations: RuleViolation[] = [];
  if (!NEED_SOURCES.includes(command.source))
    violations.push({ rule: 'R24', field: 'source', message: `needs come from ${NEED_SOURCES.join(' or ')}` });
  if (!isValidOrgNumber(command.fromOrg))
    violations.push({ rule: 'R19', field: 'fromOrg', message: 'an org number has 9 digits with a valid mod-11 check digit' });
  violations.push(...targetViolations(command.targetGroups, command.programmeAreas));
  if (!command.description.trim()) violations.push({ rule: 'R24', field: 'description', message: 'describe the need' });
  if (violations.length) throw new DomainError(violations);
  const { type: _type, ...need } = command;
  return [
    {
      type: 'YrkesfagNeedRecorded',
      data: {
        county: county.county,
        needId: `N${state.needs.length + 1}`,
        ...need,
        targetGroups: unique(need.targetGroups),
        programmeAreas: unique(need.programmeAreas),
      },
    },
  ];
}
