import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertGovernsRecommendation } from '../recommendation-access.js';
import { Recommendation } from '../recommendation.aggregate.js';

export class WithdrawRecommendationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly recommendationId: string,
    readonly input: { reason: string },
  ) {}
}

const ACTION = "withdraws the forum's recommendation";

@CommandHandler(WithdrawRecommendationCommand)
export class WithdrawRecommendationHandler implements ICommandHandler<WithdrawRecommendationCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, recommendationId, input }: WithdrawRecommendationCommand) {
    AccessPolicy.governorOffice(meta.actor, ACTION);
    return this.runner.run(
      Recommendation,
      recommendationId,
      (state) => {
        assertGovernsRecommendation(meta.actor, recommendationId, state, ACTION);
        return { type: 'WithdrawRecommendation' as const, reason: input.reason };
      },
      meta,
      { reason: input.reason },
    );
  }
}
