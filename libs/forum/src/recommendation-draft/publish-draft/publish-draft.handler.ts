import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { Forum } from '../../forum/forum.aggregate.js';
import { RecommendationFactsLookup } from '../../recommendation/content/recommendation-facts.js';
import { Recommendation } from '../../recommendation/recommendation.aggregate.js';
import { assertGovernsDraft } from '../recommendation-draft.handlers.js';
import { RecommendationDraft } from '../recommendation-draft.aggregate.js';

export class PublishDraftCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly recommendationId: string,
  ) {}
}

const ACTION = "publishes the forum's recommendation";

@CommandHandler(PublishDraftCommand)
export class PublishDraftHandler implements ICommandHandler<PublishDraftCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly lookup: RecommendationFactsLookup,
  ) {}

  /**
   * The draft recorded as the recommendation — R11–R13 over every line at once, a 422 naming each `measures[i]…` —
   * then published (R20), then the draft closed. Three appends: a failure after the recording leaves the
   * recommendation recorded; publish it with POST /recommendations/{id}/publication.
   */
  async execute({ meta, recommendationId }: PublishDraftCommand) {
    AccessPolicy.governorOffice(meta.actor, ACTION);
    const draft = await this.runner.load(RecommendationDraft, recommendationId);
    const header = assertGovernsDraft(meta.actor, recommendationId, draft.state, ACTION);
    const forum = (await this.runner.load(Forum, header.forumId)).state;
    const content = {
      meetingId: header.meetingId,
      outcome: header.outcome,
      vote: header.vote,
      measures: draft.state.measures,
      note: header.note,
    };
    const facts = await this.lookup.facts(forum, header.callId, content);
    await this.runner.run(
      Recommendation,
      recommendationId,
      { type: 'RecordRecommendation', recommendationId, callId: header.callId, content, facts },
      meta,
      { created: true },
    );
    const published = await this.runner.run(
      Recommendation,
      recommendationId,
      { type: 'PublishRecommendation' },
      { ...meta, idempotency: undefined },
    );
    const revision = (await this.runner.load(Recommendation, recommendationId)).state.revision;
    await this.runner.run(
      RecommendationDraft,
      recommendationId,
      { type: 'MarkDraftPublished', revision },
      { ...meta, idempotency: undefined },
    );
    return { ...published, created: true, extra: { revision, measures: draft.state.measures.length } };
  }
}
