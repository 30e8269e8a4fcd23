import { defineAggregate } from '#libs/platform';
import { decideAddMeasure, type AddMeasure } from './add-measure/add-measure.decide.js';
import { decideAmend, type Amend } from './amend/amend.decide.js';
import { decideConfirmOwnerPart, type ConfirmOwnerPart } from './confirm-owner-part/confirm-owner-part.decide.js';
import { decideCreateDraft, type CreateDraft } from './create-draft/create-draft.decide.js';
import { decideInviteNetworkOwner, type InviteNetworkOwner } from './invite-network-owner/invite-network-owner.decide.js';
import type { NeedsAssessmentEvent } from './needs-assessment.events.js';
import { evolveNeedsAssessment, initialNeedsAssessmentState } from './needs-assessment.state.js';
import type { NeedsAssessmentState } from './needs-assessment.types.js';
import {
  decideReplaceUniversityPartner,
  type ReplaceUniversityPartner,
} from './replace-university-partner/replace-university-partner.decide.js';
import { decideReviseMeasure, type ReviseMeasure } from './revise-measure/revise-measure.decide.js';
import { decideSetMeasureLines, type SetMeasureLines } from './set-measure-lines/set-measure-lines.decide.js';
import { decideSubmit, type Submit } from './submit/submit.decide.js';
import { decideUpdateContent, type UpdateContent } from './update-content/update-content.decide.js';
import { decideWithdraw, type Withdraw } from './withdraw/withdraw.decide.js';

/**
 * A needs assessment (behovsmelding): a school owner's — or a network of owners' (R10) — analysis of competence
 * needs with its measures, for one call. Stream `NeedsAssessment-<id>`.
 */
export type NeedsAssessmentCommand =
  | CreateDraft
  | UpdateContent
  | InviteNetworkOwner
  | AddMeasure
  | ReviseMeasure
  | SetMeasureLines
  | ReplaceUniversityPartner
  | ConfirmOwnerPart
  | Submit
  | Amend
  | Withdraw;

export function decideNeedsAssessment(command: NeedsAssessmentCommand, state: NeedsAssessmentState): NeedsAssessmentEvent[] {
  switch (command.type) {
    case 'CreateDraft':
      return decideCreateDraft(command, state);
    case 'UpdateContent':
      return decideUpdateContent(command, state);
    case 'InviteNetworkOwner':
      return decideInviteNetworkOwner(command, state);
    case 'AddMeasure':
      return decideAddMeasure(command, state);
    case 'ReviseMeasure':
      return decideReviseMeasure(command, state);
    case 'SetMeasureLines':
      return decideSetMeasureLines(command, state);
    case 'ReplaceUniversityPartner':
      return decideReplaceUniversityPartner(command, state);
    case 'ConfirmOwnerPart':
      return decideConfirmOwnerPart(command, state);
    case 'Submit':
      return decideSubmit(command, state);
    case 'Amend':
      return decideAmend(command, state);
    case 'Withdraw':
      return decideWithdraw(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const NeedsAssessment = defineAggregate<NeedsAssessmentCommand, NeedsAssessmentState, NeedsAssessmentEvent>({
  name: 'NeedsAssessment',
  decider: { initialState: initialNeedsAssessmentState, evolve: evolveNeedsAssessment, decide: decideNeedsAssessment },
  eventTypes: {
    NeedsAssessmentDrafted: 1,
    NeedsAssessmentContentUpdated: 1,
    NetworkOwnerInvited: 1,
    MeasureAdded: 1,
    MeasureRevised: 1,
    MeasureLinesSet: 1,
    UniversityPartnerReplaced: 1,
    OwnerPartConfirmed: 1,
    NeedsAssessmentSubmitted: 1,
    NeedsAssessmentAmended: 1,
    NeedsAssessmentWithdrawn: 1,
  },
});

/** The stream of an assessment (kept for readers of its history). */
export const needsAssessmentStream = (assessmentId: string) => NeedsAssessment.streamOf(assessmentId);
