import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { Forum } from '../../forum/forum.aggregate.js';
import type { RecommendationContent } from '../content/content.js';
import { contentOf, RecommendationFactsLookup } from '../content/recommendation-facts.js';
import { assertGovernsRecommendation } from '../recommendation-access.js';
import { Recommendation } from '../recommendation.aggregate.js';

export class AmendRecommendationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly recommendationId: string,
    readonly input: RecommendationContent & { reason: string },
  ) {}
}

const ACTION = "amends the forum's recommendation";

@CommandHandler(AmendRecommendationCommand)
export class AmendRecommendationHandler implements ICommandHandler<AmendRecommendationCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly lookup: RecommendationFactsLookup,
  ) {}

  async execute({ meta, recommendationId, input }: AmendRecommendationCommand) {
    AccessPolicy.governorOffice(meta.actor, ACTION);
    const rec = assertGovernsRecommendation(
      meta.actor,
      recommendationId,
      (await this.runner.load(Recommendation, recommendationId)).state,
      ACTION,
    );
    const { state: forum } = await this.runner.load(Forum, rec.forumId);
    const content = contentOf(input);
    const facts = await this.lookup.facts(forum, rec.callId, content);
    return this.runner.run(Recommendation, recommendationId, { type: 'AmendRecommendation', content, facts, reason: input.reason }, meta, {
      reason: input.reason,
    });
  }
}
