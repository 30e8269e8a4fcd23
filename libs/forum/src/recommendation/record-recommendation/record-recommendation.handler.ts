import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertGovernsForum } from '../../forum/forum-access.js';
import { Forum } from '../../forum/forum.aggregate.js';
import type { RecommendationContent } from '../content/content.js';
import { contentOf, RecommendationFactsLookup } from '../content/recommendation-facts.js';
import { Recommendation, recommendationIdOf } from '../recommendation.aggregate.js';

export class RecordRecommendationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly forumId: string,
    readonly input: RecommendationContent & { callId: string },
  ) {}
}

const ACTION = "records the forum's recommendation";

@CommandHandler(RecordRecommendationCommand)
export class RecordRecommendationHandler implements ICommandHandler<RecordRecommendationCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly lookup: RecommendationFactsLookup,
  ) {}

  async execute({ meta, forumId, input }: RecordRecommendationCommand) {
    AccessPolicy.governorOffice(meta.actor, ACTION);
    const forum = assertGovernsForum(meta.actor, forumId, (await this.runner.load(Forum, forumId)).state, ACTION);
    const recommendationId = recommendationIdOf(forumId, input.callId);
    const content = contentOf(input);
    const facts = await this.lookup.facts(forum, input.callId, content);
    // A recording after a withdrawal creates the recommendation anew in its existing stream.
    return this.runner.run(
      Recommendation,
      recommendationId,
      { type: 'RecordRecommendation', recommendationId, callId: input.callId, content, facts },
      meta,
      { created: true },
    );
  }
}
