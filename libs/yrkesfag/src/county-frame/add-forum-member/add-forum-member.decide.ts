import { DomainError, isCalendarDate, type RuleViolation } from '#libs/kernel';
import { isValidOrgNumber, officeByOrgNumber } from '#libs/reference-data';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty } from '../ledger.js';
import { FORUM_CATEGORIES, type ForumCategory } from '../reference.js';

export interface AddCountyForumMember {
  type: 'AddCountyForumMember';
  orgNumber: string | null;
  name: string;
  category: ForumCategory;
  joinedOn: string;
}

/** R24: the county fixes its own forum by category and date; the governor has no role (and no seat). */
export function decideAddCountyForumMember(command: AddCountyForumMember, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const violations: RuleViolation[] = [];
  if (!FORUM_CATEGORIES.includes(command.category))
    violations.push({ rule: 'R24', field: 'category', message: `category must be one of ${FORUM_CATEGORIES.join(', ')}` });
  if (!isCalendarDate(command.joinedOn))
    violations.push({ rule: 'R24', field: 'joinedOn', message: 'joinedOn must be a date (YYYY-MM-DD)' });
  if (!command.name.trim()) violations.push({ rule: 'R24', field: 'name', message: 'a member needs a name' });
  const org = command.orgNumber;
  if (org !== null && !isValidOrgNumber(org))
    violations.push({ rule: 'R19', field: 'orgNumber', message: 'an org number has 9 digits with a valid mod-11 check digit' });
  else if (org !== null && officeByOrgNumber(org))
    violations.push({
      rule: 'R24',
      field: 'orgNumber',
      message: 'the governor has no role in YRKESFAG: its office is never a forum member',
    });
  else if (org !== null && state.members.some((m) => m.orgNumber === org && (m.leftOn === null || m.leftOn > command.joinedOn))) {
    violations.push({ rule: 'R24', field: 'orgNumber', message: `organisation ${org} is a member of the forum already` });
  }
  if (violations.length) throw new DomainError(violations);
  const memberId = `F${state.members.length + 1}`;
  return [
    {
      type: 'YrkesfagForumMemberJoined',
      data: {
        county: county.county,
        memberId,
        orgNumber: org,
        name: command.name.trim(),
        category: command.category,
        joinedOn: command.joinedOn,
      },
    },
  ];
}
