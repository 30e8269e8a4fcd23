import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertGovernsForum } from '../forum/forum-access.js';
import { Forum } from '../forum/forum.aggregate.js';
import { recommendationIdOf } from '../recommendation/recommendation.aggregate.js';
import type { AddDraftMeasures, RemoveDraftMeasure, ReplaceDraftMeasure } from './edit-draft/edit-draft.decide.js';
import { RecommendationDraft, type DraftState } from './recommendation-draft.aggregate.js';
import type { StartDraftDto } from './recommendation-draft.dto.js';

/** R20: the draft exists and is of the acting governor's office. */
export function assertGovernsDraft(actor: Actor, id: string, state: DraftState, action: string) {
  if (!state.header) throw new NotFoundError('recommendation draft', id);
  AccessPolicy.assertGovernorOf(actor, state.header.office, action, `recommendation draft ${id}`);
  return state.header;
}

export class StartDraftCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly forumId: string,
    readonly input: StartDraftDto,
  ) {}
}

@CommandHandler(StartDraftCommand)
export class StartDraftHandler implements ICommandHandler<StartDraftCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ meta, forumId, input }: StartDraftCommand) {
    const forum = assertGovernsForum(
      meta.actor,
      forumId,
      (await this.runner.load(Forum, forumId)).state,
      "drafts the forum's recommendation",
    );
    const recommendationId = recommendationIdOf(forumId, input.callId);
    const header = {
      recommendationId,
      forumId,
      office: forum.office,
      callId: input.callId,
      meetingId: input.meetingId,
      outcome: input.outcome,
      vote: input.vote ?? null,
      note: input.note ?? null,
    };
    return this.runner.run(RecommendationDraft, recommendationId, { type: 'StartDraft', ...header }, meta);
  }
}

export class EditDraftCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly recommendationId: string,
    readonly command: AddDraftMeasures | ReplaceDraftMeasure | RemoveDraftMeasure,
  ) {}
}

@CommandHandler(EditDraftCommand)
export class EditDraftHandler implements ICommandHandler<EditDraftCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, recommendationId, command }: EditDraftCommand) {
    AccessPolicy.governorOffice(meta.actor, "edits the forum's recommendation draft");
    return this.runner.run(
      RecommendationDraft,
      recommendationId,
      (state) => (assertGovernsDraft(meta.actor, recommendationId, state, "edits the forum's recommendation draft"), command),
      meta,
      { extra: (state) => ({ measures: state.measures.length }) },
    );
  }
}
