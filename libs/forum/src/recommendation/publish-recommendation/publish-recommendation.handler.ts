import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertGovernsRecommendation } from '../recommendation-access.js';
import { Recommendation } from '../recommendation.aggregate.js';

export class PublishRecommendationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly recommendationId: string,
  ) {}
}

const ACTION = "publishes the forum's recommendation";

@CommandHandler(PublishRecommendationCommand)
export class PublishRecommendationHandler implements ICommandHandler<PublishRecommendationCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, recommendationId }: PublishRecommendationCommand) {
    AccessPolicy.governorOffice(meta.actor, ACTION);
    return this.runner.run(
      Recommendation,
      recommendationId,
      (state) => {
        assertGovernsRecommendation(meta.actor, recommendationId, state, ACTION);
        return { type: 'PublishRecommendation' as const };
      },
      meta,
    );
  }
}
