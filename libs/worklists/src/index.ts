export * from './reminders/report-reminders.aggregate.js';
export { reminderSettingsFrom, type ReminderSettings } from './reminders/reminder-settings.js';
export { todosProjection } from './read-model/todos/todos.projection.js';
export { todoItemsFor } from './read-model/todos/todos.queries.js';
export type { ListContext } from './read-model/todos/recipient-items.js';
export type * from './read-model/todos/todos.view.js';
export * from './worklists.module.js';
