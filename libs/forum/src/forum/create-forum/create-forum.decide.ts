import { ConflictError, DomainError, type RuleViolation } from '#libs/kernel';
import type { ForumEvent, ForumState } from '../forum.aggregate.js';

export interface CreateForum {
  type: 'CreateForum';
  forumId: string;
  office: string;
  name: string;
  counties: string[];
  /** Reference data: the counties of the office. */
  officeCounties: readonly string[];
  /** Counties already covered by the office's other forums (county → forum id). */
  countiesTaken: Record<string, string>;
}

/** R11: a forum has a name and covers counties of its office that no other forum of it covers. */
export function decideCreateForum(command: CreateForum, state: ForumState): ForumEvent[] {
  if (state.forumId) throw new ConflictError(`forum ${state.forumId} exists already`);
  const violations: RuleViolation[] = [];
  if (!command.name.trim()) violations.push({ rule: 'R11', field: 'name', message: 'a forum needs a name' });
  if (command.counties.length === 0)
    violations.push({ rule: 'R11', field: 'counties', message: 'a forum covers at least one county of its office' });
  if (new Set(command.counties).size !== command.counties.length)
    violations.push({ rule: 'R11', field: 'counties', message: 'a county is named twice' });
  command.counties.forEach((c, i) => {
    if (!command.officeCounties.includes(c)) {
      violations.push({
        rule: 'R11',
        field: `counties[${i}]`,
        message: `county ${c} does not belong to governor office ${command.office} (its counties: ${command.officeCounties.join(', ')})`,
      });
    } else if (command.countiesTaken[c]) {
      violations.push({
        rule: 'R11',
        field: `counties[${i}]`,
        message: `county ${c} is covered by the office's forum ${command.countiesTaken[c]} already`,
      });
    }
  });
  if (violations.length) throw new DomainError(violations);
  return [
    {
      type: 'ForumCreated',
      data: { forumId: command.forumId, office: command.office, name: command.name.trim(), counties: [...command.counties].sort() },
    },
  ];
}
