import { ConflictError } from '#libs/kernel';
import type { DraftEvent, DraftHeader, DraftState } from '../recommendation-draft.aggregate.js';

export interface StartDraft extends DraftHeader {
  type: 'StartDraft';
}

/** One draft per forum and call; its measures come in pages afterwards. */
export function decideStartDraft(c: StartDraft, state: DraftState): DraftEvent[] {
  if (state.status !== 'none') throw new ConflictError(`there is a draft for call ${c.callId} already (${state.status})`);
  const { type: _, ...header } = c;
  return [{ type: 'RecommendationDraftStarted', data: header }];
}
