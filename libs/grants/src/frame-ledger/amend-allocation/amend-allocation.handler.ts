import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, MEASURE_CATALOG, RECOMMENDATION_LOOKUP, type Clock, type MeasureCatalog, type RecommendationLookup } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import type { AmountLine } from '../frame-ledger.aggregate.js';
import { LedgerGrantRunner } from '../ledger-grant-runner.js';
import { recommendationFor } from '../recommendation-facts.js';

export class AmendAllocationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly input: { amounts: AmountLine[]; reason: string },
  ) {}
}

@CommandHandler(AmendAllocationCommand)
export class AmendAllocationHandler implements ICommandHandler<AmendAllocationCommand, CommandOutcome> {
  constructor(
    private readonly ledger: LedgerGrantRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations: RecommendationLookup,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
  ) {}

  execute({ meta, grantId, input }: AmendAllocationCommand) {
    return this.ledger.run(
      meta,
      grantId,
      'amends allocations',
      async (charge, grant) => ({
        type: 'AmendAllocation',
        grantId,
        lines: input.amounts,
        recommendation: await recommendationFor(this.recommendations, charge.callId, charge.measureId, charge.recipientOrg),
        reason: input.reason,
        paidByYear: grant.paid,
        today: this.clock.today(),
        span: await this.catalog.get(charge.measureId),
      }),
      input.reason,
    );
  }
}
