import type { Projection } from '#libs/projections';
import { AFTER_DECISION_TYPES, applyAfterDecision } from './apply-grants.js';
import { BEFORE_DECISION_TYPES, applyBeforeDecision } from './apply-assessments.js';
import { TODOS_SCHEMA } from './todos.schema.js';

const BEFORE = new Set(BEFORE_DECISION_TYPES);

/**
 * To-do lists per role (gjøremål): the facts that make an item, from the published events of calls, needs
 * assessments, partnerships, the forum, grants, appeals and YRKESFAG — never their tables. Whether an item is
 * shown, due or overdue on a day is decided by the query.
 */
export const todosProjection: Projection = {
  name: 'todos',
  version: 1,
  schema: TODOS_SCHEMA,
  handles: [...BEFORE_DECISION_TYPES, ...AFTER_DECISION_TYPES],
  async apply(stored, sql) {
    if (BEFORE.has(stored.type)) return applyBeforeDecision(stored, sql);
    return applyAfterDecision(stored, sql);
  },
};
