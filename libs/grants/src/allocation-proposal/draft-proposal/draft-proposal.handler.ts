import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AccessPolicy,
  CLOCK,
  DomainError,
  MEASURE_CATALOG,
  ORGANISATION_DIRECTORY,
  RECOMMENDATION_LOOKUP,
  type Clock,
  type MeasureCatalog,
  type OrganisationDirectory,
  type RecommendationLookup,
} from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { FrameLedger, ledgerIdOf } from '../../frame-ledger/frame-ledger.aggregate.js';
import { AllocationProposal } from '../allocation-proposal.aggregate.js';
import type { DraftProposalDto } from './draft-proposal.dto.js';

export class DraftProposalCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: DraftProposalDto,
  ) {}
}

/** The call of an office, scheme and year (as a decision without a named call finds it). */
export const callIdOf = (office: string, scheme: string, year: number) => `${office}-${scheme}-${year}`.toLowerCase();

@CommandHandler(DraftProposalCommand)
export class DraftProposalHandler implements ICommandHandler<DraftProposalCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
    @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations: RecommendationLookup,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  /** R20, then the candidates (recommended or submitted measures), their recipients' kinds and the ledger into the decider. */
  async execute({ meta, input }: DraftProposalCommand) {
    const office = input.office ?? AccessPolicy.governorOffice(meta.actor, 'proposes allocations');
    AccessPolicy.assertGovernorOf(meta.actor, office, 'proposes allocations', `Office ${office}`);
    const callId = callIdOf(office, input.scheme, input.year);
    const rec = await this.recommendations.forCall(callId);
    const agreed = rec && rec.outcome !== 'no_agreement' ? rec : null;
    const source = input.source ?? (agreed ? 'recommendation' : 'submitted');
    if (source === 'recommendation' && !agreed)
      throw DomainError.of(
        'R12',
        'source',
        `there is no recommendation of the forum for call ${callId} to split over: use source 'submitted'`,
      );
    const recommendedIds = new Set(agreed?.lines.map((l) => l.measureId) ?? []);
    const measures = (await this.catalog.listByCall(callId)).filter(
      (m) =>
        m.status === 'submitted' &&
        m.office === office &&
        m.scheme === input.scheme &&
        (source === 'submitted' || recommendedIds.has(m.measureId)),
    );
    const orgs = [
      ...new Set(
        measures.flatMap((m) => [
          ...m.requested.map((r) => r.org),
          ...(agreed?.lines ?? []).filter((l) => l.measureId === m.measureId).map((l) => l.recipientOrg),
        ]),
      ),
    ];
    const [directory, { state: ledger }] = await Promise.all([
      this.directory.getMany(orgs),
      this.runner.load(FrameLedger, ledgerIdOf(office, input.scheme)),
    ]);
    const proposalId = randomUUID();
    const command = {
      type: 'DraftProposal' as const,
      ...{ proposalId, office, scheme: input.scheme, year: input.year, callId, key: input.key, amount: input.amount },
      ...{ weights: input.weights, themeWeights: input.themeWeights, participants: input.participants },
      ...{
        source,
        recommendationId: source === 'recommendation' ? agreed!.recommendationId : null,
        measures,
        recommended: source === 'recommendation' ? agreed!.lines : [],
      },
      ...{ kinds: Object.fromEntries(orgs.map((o) => [o, directory.get(o)?.kind ?? null])), ledger, today: this.clock.today() },
    };
    return this.runner.run(AllocationProposal, proposalId, command, meta, {
      newStream: true, // a new id: nothing to load
      extra: (state) => ({ proposal: state.proposal }),
    });
  }
}
