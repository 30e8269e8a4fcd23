import { withNames } from '#libs/projections';
import { upcast } from '#libs/platform';
import { FrameLedger } from '../../frame-ledger/frame-ledger.aggregate.js';
import { Grant } from '../../grant/grant.aggregate.js';
import { applyGrantEvent } from './apply-grant.js';
import { applyLedgerEvent } from './apply-ledger.js';
import { GRANT_MEASURE_TITLES, GRANT_ORG_NAMES } from './grants.names.js';
import { GRANTS_SCHEMA } from './grants.schema.js';

/** Every event type of the frame ledgers and grants (for read models of other capabilities too). */
export const GRANTS_EVENT_TYPES = [...Object.keys(FrameLedger.eventTypes), ...Object.keys(Grant.eventTypes)] as readonly string[];

const isLedgerType = (type: string) => type in FrameLedger.eventTypes;

/**
 * Frames, grants and grant years, payments and claims for the ministry's, the governor's and the recipient's views,
 * with the recipients' names and the measures' titles as their own events tell them (so `asOf` gives them as they stood).
 */
export const grantsProjection = withNames(
  {
    name: 'grants',
    version: 4,
    schema: GRANTS_SCHEMA,
    handles: GRANTS_EVENT_TYPES,
    async apply(stored, sql) {
      if (isLedgerType(stored.type)) await applyLedgerEvent(upcast(FrameLedger, stored), stored, sql);
      else await applyGrantEvent(upcast(Grant, stored), stored, sql);
    },
  },
  GRANT_ORG_NAMES,
  GRANT_MEASURE_TITLES,
);
