import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetTodosHandler } from './read-model/todos/todos.queries.js';
import { TodosRoute } from './read-model/todos/todos.route.js';
import { ReminderJob } from './reminders/reminder-job.js';
import { REMINDER_SETTINGS, reminderSettingsFrom } from './reminders/reminder-settings.js';
import { RunRemindersRoute } from './reminders/run-reminders/run-reminders.route.js';

/** To-do lists per role (GET /todos) and the report reminders (R26): a read model and a scheduled job. */
@Module({
  imports: [CqrsModule],
  controllers: [TodosRoute, RunRemindersRoute],
  providers: [{ provide: REMINDER_SETTINGS, useFactory: () => reminderSettingsFrom(process.env) }, GetTodosHandler, ReminderJob],
})
export class WorklistsModule {}
