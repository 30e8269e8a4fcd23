import { DomainError, isCalendarDate, type Organisation, type RuleViolation } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import { officeByOrgNumber } from '#libs/reference-data';
import { CATEGORY_LABELS, MEMBER_CATEGORIES, type MemberCategory } from '../categories.js';
import type { ExistingForum, ForumEvent, ForumState } from '../forum.aggregate.js';
import { existingForum } from '../membership.js';

export interface AddForumMember {
  type: 'AddForumMember';
  orgNumber: string | null;
  name: string | null;
  category: MemberCategory;
  joinedOn: string;
  /** The organisation as the directory knows it (null: not registered, or no org number given). */
  organisation: Organisation | null;
}

const ORGANISATION_CATEGORY_KINDS: Partial<Record<MemberCategory, string[]>> = {
  school_owner_public: ['municipality', 'county_municipality'],
  school_owner_private: ['private_owner'],
  university: ['university'],
};

/** R11/R19: a school owner or university member is a registered organisation of the right kind (and region). */
function checkOrganisation(command: AddForumMember, office: string, violations: RuleViolation[], warnings: Warning[]) {
  const kinds = ORGANISATION_CATEGORY_KINDS[command.category];
  if (!kinds) return;
  const org = command.organisation;
  if (!command.orgNumber) {
    violations.push({
      rule: 'R11',
      field: 'orgNumber',
      message: `a member among ${CATEGORY_LABELS[command.category]} is an organisation: give its org number`,
    });
  } else if (!org) {
    violations.push({ rule: 'R19', field: 'orgNumber', message: `organisation ${command.orgNumber} is not registered` });
  } else if (!kinds.includes(org.kind)) {
    violations.push({
      rule: 'R11',
      field: 'category',
      message: `organisation ${org.orgNumber} is a ${org.kind}, not one of ${CATEGORY_LABELS[command.category]}`,
    });
  } else if (command.category === 'university') {
    if (org.office !== office)
      warnings.push({
        rule: 'R11',
        field: 'orgNumber',
        message: `university ${org.orgNumber} is seated outside office ${office}: make sure it has a tie to the region`,
      });
  } else if (org.office !== office) {
    violations.push({
      rule: 'R11',
      field: 'orgNumber',
      message: `school owner ${org.orgNumber} belongs to governor office ${org.office ?? 'none'}, not ${office}`,
    });
  }
}

/** R11: an organisation is a member once at a time. */
function checkOverlap(command: AddForumMember, forum: ExistingForum, violations: RuleViolation[]) {
  if (!command.orgNumber || !isCalendarDate(command.joinedOn)) return;
  const overlapping = forum.members.find((m) => m.orgNumber === command.orgNumber && (m.leftOn === null || m.leftOn > command.joinedOn));
  if (overlapping)
    violations.push({
      rule: 'R11',
      field: 'orgNumber',
      message: `organisation ${command.orgNumber} is a member already (${overlapping.memberId}, since ${overlapping.joinedOn})`,
    });
}

/** R11: the governor fixes the membership by category and date; its own office is never a member (no vote, R12). */
export function decideAddForumMember(command: AddForumMember, state: ForumState): ForumEvent[] {
  const forum = existingForum(state);
  const violations: RuleViolation[] = [];
  const warnings: Warning[] = [];
  if (!MEMBER_CATEGORIES.includes(command.category))
    violations.push({ rule: 'R11', field: 'category', message: `category must be one of ${MEMBER_CATEGORIES.join(', ')}` });
  if (!isCalendarDate(command.joinedOn))
    violations.push({ rule: 'R11', field: 'joinedOn', message: 'joinedOn must be a date (YYYY-MM-DD)' });
  if (command.orgNumber && officeByOrgNumber(command.orgNumber)) {
    violations.push({
      rule: 'R11',
      field: 'orgNumber',
      message: "a governor's office runs the forum's secretariat and is never a member: it has no vote (R12)",
    });
  }
  checkOrganisation(command, forum.office, violations, warnings);
  const name = command.name?.trim() || command.organisation?.name || '';
  if (!name)
    violations.push({ rule: 'R11', field: 'name', message: 'a member needs a name (or the org number of a registered organisation)' });
  checkOverlap(command, forum, violations);
  if (violations.length) throw new DomainError(violations);
  const memberId = `M${forum.members.length + 1}`;
  return [
    {
      type: 'ForumMemberJoined',
      data: {
        forumId: forum.forumId,
        memberId,
        orgNumber: command.orgNumber,
        name,
        category: command.category,
        joinedOn: command.joinedOn,
        warnings,
      },
    },
  ];
}
