import { withNames } from '#libs/projections';
import { AFTER_DECISION_TYPES, applyAfterDecision } from './apply-grants.js';
import { BEFORE_DECISION_TYPES, applyBeforeDecision } from './apply-assessments.js';
import { TODO_ORG_NAMES } from './todos.names.js';
import { TODOS_SCHEMA } from './todos.schema.js';

const BEFORE = new Set(BEFORE_DECISION_TYPES);

/**
 * To-do lists per role (gjøremål): the facts that make an item, from the published events of calls, needs
 * assessments, partnerships, the forum, grants, appeals and YRKESFAG, with organisations' names from their own
 * events — never another read model's tables. Whether an item is shown, due or overdue on a day is the query's.
 */
export const todosProjection = withNames(
  {
    name: 'todos',
    version: 2,
    schema: TODOS_SCHEMA,
    handles: [...BEFORE_DECISION_TYPES, ...AFTER_DECISION_TYPES],
    async apply(stored, sql) {
      if (BEFORE.has(stored.type)) return applyBeforeDecision(stored, sql);
      return applyAfterDecision(stored, sql);
    },
  },
  TODO_ORG_NAMES,
);
