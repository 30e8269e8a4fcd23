import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Sql } from '#libs/db';
import { AccessPolicy, CLOCK, type Actor, type Clock, type Role } from '#libs/kernel';
import { ReadModels } from '#libs/platform';
import { REMINDER_SETTINGS, type ReminderSettings } from '../../reminders/reminder-settings.js';
import { governorItems, ministryItems } from './office-items.js';
import { recipientItems, type Candidate, type ListContext } from './recipient-items.js';
import type { TodoItem, TodoList } from './todos.view.js';

export class GetTodos {
  constructor(
    readonly actor: Actor,
    readonly asOf?: number,
  ) {}
}

export const TODOS_READ = ['todos'];

/** Due first (the earliest), undated last; then by kind and what it is about, so a list reads the same every time. */
function ordered(items: TodoItem[]): TodoItem[] {
  const key = (i: TodoItem) => `${i.due ?? '9999-99-99'}|${i.kind}|${JSON.stringify(i.about)}`;
  return [...items].sort((a, b) => key(a).localeCompare(key(b)));
}

export const withOverdue =
  (today: string) =>
  (c: Candidate): TodoItem => ({ ...c, overdue: c.due !== null && c.due < today });

/** A role's items on the context's day, from the to-do tables (on `sql`'s search_path): what GET /todos answers. */
export async function todoItemsFor(sql: Sql, role: Role, c: ListContext): Promise<TodoItem[]> {
  const candidates =
    role === 'governor'
      ? await governorItems(sql, c)
      : role === 'ministry'
        ? await ministryItems(sql, c)
        : await recipientItems(sql, c, role);
  return ordered(candidates.map(withOverdue(c.today)));
}

/** The caller's own list: by role and organisation from the token (a governor: its office; the ministry: all). */
@QueryHandler(GetTodos)
export class GetTodosHandler implements IQueryHandler<GetTodos, TodoList> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
  ) {}

  async execute({ actor, asOf }: GetTodos): Promise<TodoList> {
    const today = this.clock.today();
    const office = actor.role === 'governor' ? AccessPolicy.governorOffice(actor, 'reads its to-do list') : null;
    const c: ListContext = { org: actor.org, office, today, leadDays: this.settings.leadDays };
    const items = await this.readModels.run(TODOS_READ, asOf, (sql) => todoItemsFor(sql, actor.role, c));
    return { role: actor.role, org: actor.org, office, today, items };
  }
}
