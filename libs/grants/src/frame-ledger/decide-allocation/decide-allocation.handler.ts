import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AccessPolicy,
  CALL_CATALOG,
  CLOCK,
  MEASURE_CATALOG,
  ORGANISATION_DIRECTORY,
  RECOMMENDATION_LOOKUP,
  ruleSetFor,
  type CallCatalog,
  type Clock,
  type MeasureCatalog,
  type OrganisationDirectory,
  type RecommendationLookup,
  type Scheme,
} from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { grantIdOf } from '../../common/grant-id.js';
import { FrameLedger, ledgerIdOf, type AmountLine } from '../frame-ledger.aggregate.js';
import { recommendationFor } from '../recommendation-facts.js';
import { letterSettingsAt } from '../../letters/letter-settings/letter-settings.queries.js';

export interface DecideInput {
  scheme: Scheme;
  year: number;
  measureId: string;
  recipientOrg: string;
  callId?: string;
  amounts: AmountLine[];
  deviationReason?: string;
  caseNumber?: string;
}

export class DecideAllocationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: DecideInput,
  ) {}
}

@CommandHandler(DecideAllocationCommand)
export class DecideAllocationHandler implements ICommandHandler<DecideAllocationCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
    @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations: RecommendationLookup,
    @Inject(CALL_CATALOG) private readonly calls: CallCatalog,
  ) {}

  /** R20, then the facts of the other capabilities (measure, recipient, recommendation, decision date) into the decider. */
  async execute({ meta, input }: DecideAllocationCommand) {
    const office = AccessPolicy.governorOffice(meta.actor, 'decides allocations');
    const measure = await this.catalog.get(input.measureId);
    if (measure) AccessPolicy.assertGovernorOf(meta.actor, measure.office, 'decides allocations', `measure ${input.measureId}`);
    const callId = measure?.callId ?? input.callId ?? `${office}-${input.scheme}-${input.year}`.toLowerCase();
    const org = await this.directory.get(input.recipientOrg);
    const recommendation = await recommendationFor(this.recommendations, callId, input.measureId, input.recipientOrg);
    const decisionDate =
      (await this.calls.get(callId))?.decisionDate ?? `${input.year}-${ruleSetFor(input.scheme, input.year).defaultDecisionDate}`;
    const grantId = grantIdOf(office, input.scheme, input.measureId, input.recipientOrg);
    const command = {
      type: 'DecideAllocation' as const,
      ...{ grantId, office, scheme: input.scheme, decisionYear: input.year, callId, measureId: input.measureId, measure },
      ...{
        recipient: { org: input.recipientOrg, kind: org?.kind ?? null },
        lines: input.amounts,
        recommendation,
        deviationReason: input.deviationReason,
      },
      ...{ decisionDate, today: this.clock.today() },
      ...{ caseNumber: input.caseNumber, caseNumberFormat: (await letterSettingsAt(this.runner, office)).caseNumberFormat },
    };
    return this.runner.run(FrameLedger, ledgerIdOf(office, input.scheme), command, meta, {
      resourceId: grantId,
      created: true,
      // A new grant's version: the decision is its first change (GET /grants/{id} answers the same ETag).
      resourceVersion: (state) => state.grants[grantId]?.changes ?? 0,
    });
  }
}
