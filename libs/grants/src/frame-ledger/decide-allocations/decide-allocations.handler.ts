import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, DomainError, ForbiddenError, RECOMMENDATION_LOOKUP, type RecommendationLookup, type Scheme } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { AllocationProposal } from '../../allocation-proposal/allocation-proposal.aggregate.js';
import { callIdOf } from '../../allocation-proposal/draft-proposal/draft-proposal.handler.js';
import { FrameLedger, ledgerIdOf } from '../frame-ledger.aggregate.js';
import { DecisionFacts, type BulkLine } from './decision-facts.js';
import type { DecideAllocationsDto } from './decide-allocations.dto.js';

export class DecideAllocationsCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: DecideAllocationsDto,
  ) {}
}

const keyOf = (l: { measureId: string; recipientOrg: string }) => `${l.measureId}|${l.recipientOrg}`;

/** The lines a batch decides: a proposal's or the recommendation's, with the request's own lines in their place. */
function merge(base: BulkLine[], own: BulkLine[]): BulkLine[] {
  const mine = new Map(own.map((l) => [keyOf(l), l]));
  const merged = base.map((l) => mine.get(keyOf(l)) ?? l);
  const inBase = new Set(base.map(keyOf));
  return [...merged, ...own.filter((l) => !inBase.has(keyOf(l)))];
}

@CommandHandler(DecideAllocationsCommand)
export class DecideAllocationsHandler implements ICommandHandler<DecideAllocationsCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: DecisionFacts,
    @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations: RecommendationLookup,
  ) {}

  /** R20; the lines from a proposal, the recommendation or the request; one all-or-nothing append to the ledger (R18). */
  async execute({ meta, input }: DecideAllocationsCommand) {
    const office = AccessPolicy.governorOffice(meta.actor, 'decides allocations');
    const lines = merge(await this.baseLines(office, input.scheme, input.year, input), input.lines ?? []);
    const foreign = await this.facts.foreignMeasures(office, lines);
    if (foreign.length) throw new ForbiddenError(`measures ${foreign.join(', ')} belong to another governor office`);
    const decisions = await this.facts.decisions(office, input.scheme, input.year, lines, input.reason);
    const labels = lines.map((l) => `${l.measureId} / ${l.recipientOrg}`);
    const ledgerId = ledgerIdOf(office, input.scheme);
    return this.runner.run(FrameLedger, ledgerId, { type: 'DecideAllocations', lines: decisions, labels }, meta, {
      created: true,
      extra: (_, events) => {
        const grants = events.filter((e) => e.type === 'AllocationDecided').map((e) => e.data);
        return {
          grants: grants.map((g) => ({
            grantId: g.grantId,
            measureId: g.measureId,
            recipientOrg: g.recipientOrg,
            deviates: g.deviates,
            lines: g.lines.map((l) => ({ year: l.year, amount: l.amount, coFinancingRequired: l.coFinancingRequired })),
          })),
          total: grants.reduce((s, g) => s + g.lines.reduce((t, l) => t + l.amount, 0), 0),
        };
      },
    });
  }

  private async baseLines(office: string, scheme: Scheme, year: number, input: DecideAllocationsDto): Promise<BulkLine[]> {
    if (input.proposalId) {
      const p = (await this.runner.load(AllocationProposal, input.proposalId)).state.proposal;
      if (!p || p.office !== office)
        throw DomainError.of('R25', 'proposalId', `there is no allocation proposal ${input.proposalId} of office ${office}`);
      if (p.scheme !== scheme || p.year !== year)
        throw DomainError.of('R25', 'proposalId', `proposal ${p.proposalId} is for ${p.scheme} ${p.year}`);
      return p.lines
        .map((l) => ({
          measureId: l.measureId,
          recipientOrg: l.recipientOrg,
          amounts: l.years.filter((y) => y.amount > 0).map((y) => ({ year: y.year, amount: y.amount })),
        }))
        .filter((l) => l.amounts.length > 0);
    }
    if (input.fromRecommendation) {
      const rec = await this.recommendations.forCall(callIdOf(office, scheme, year));
      if (!rec || rec.outcome === 'no_agreement')
        throw DomainError.of('R12', 'fromRecommendation', 'there is no recommendation with measures for this call');
      const byLine = new Map<string, BulkLine>();
      for (const l of rec.lines) {
        const line = byLine.get(keyOf(l)) ?? { measureId: l.measureId, recipientOrg: l.recipientOrg, amounts: [] };
        line.amounts.push({ year: l.year, amount: l.amount });
        byLine.set(keyOf(l), line);
      }
      return [...byLine.values()];
    }
    if (!input.lines?.length) throw DomainError.of('bulk', 'lines', 'name the lines, a proposalId or fromRecommendation');
    return [];
  }
}
