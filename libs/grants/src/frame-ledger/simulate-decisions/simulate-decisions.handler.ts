import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AccessPolicy,
  CLOCK,
  DomainError,
  RECOMMENDATION_LOOKUP,
  type Actor,
  type Clock,
  type RecommendationLookup,
  type RuleViolation,
  type Scheme,
} from '#libs/kernel';
import { CommandRunner, type Warning } from '#libs/platform';
import { GrantFactsLoader } from '../../grant/grant-facts.js';
import { planLedger } from '../decide-allocations/ledger-plan.js';
import { DecisionFacts } from '../decide-allocations/decision-facts.js';
import type { AmendAllocation } from '../amend-allocation/amend-allocation.decide.js';
import { FrameLedger, ledgerIdOf, type LedgerCommand, type LedgerState } from '../frame-ledger.aggregate.js';
import { frameUse } from '../frame-ledger.rules.js';
import { recommendationFor } from '../recommendation-facts.js';
import type { SimulateDecisionsDto } from './simulate-decisions.dto.js';

export class SimulateDecisionsCommand {
  constructor(
    readonly actor: Actor,
    readonly office: string,
    readonly scheme: Scheme,
    readonly input: SimulateDecisionsDto,
  ) {}
}

/** Every year with a frame or a charge: frame, earlier commitments, this year's decisions, free (R9, R18). */
function yearsOf(before: LedgerState, after: LedgerState) {
  const years = new Set<number>([
    ...Object.keys(after.frames).map(Number),
    ...Object.values(after.grants).flatMap((g) => g.lines.map((l) => l.year)),
  ]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const b = frameUse(before, year);
      const a = frameUse(after, year);
      return {
        year,
        frame: a.frame,
        committedFromEarlierYears: a.committedEarlier,
        decidedThisYear: a.decidedThisYear,
        freeBefore: b.free,
        free: a.free,
      };
    });
}

@CommandHandler(SimulateDecisionsCommand)
export class SimulateDecisionsHandler implements ICommandHandler<SimulateDecisionsCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: DecisionFacts,
    private readonly grants: GrantFactsLoader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations: RecommendationLookup,
  ) {}

  /** A what-if run: the decisions and amendments decided on the ledger as it stands, and nothing written. */
  async execute({ actor, office, scheme, input }: SimulateDecisionsCommand) {
    AccessPolicy.assertGovernorOf(actor, office, 'runs what-ifs on the frame ledger', `Office ${office}`);
    const decisions = input.decisions ?? [];
    const commands: LedgerCommand[] = [
      ...(await this.facts.decisions(office, scheme, input.year, decisions)),
      ...(await this.amendments(input)),
    ];
    const labels = [...decisions.map((l) => `${l.measureId} / ${l.recipientOrg}`), ...(input.amendments ?? []).map((a) => a.grantId)];
    let before: LedgerState | undefined;
    let violations: RuleViolation[] = [];
    let after: LedgerState;
    let events: Array<{ type: string; data: unknown }> = [];
    try {
      const run = await this.runner.simulate(
        FrameLedger,
        ledgerIdOf(office, scheme),
        (state) => ((before = state), { type: 'DecideAllocations' as const, lines: commands as never, labels }),
      );
      after = run.after;
      events = run.events;
    } catch (error) {
      if (!(error instanceof DomainError) || !before) throw error;
      // Refused: the violations, and the frames after the lines that would pass on their own.
      const plan = planLedger(FrameLedger.decider, commands, before, labels);
      violations = plan.violations.length ? plan.violations : error.violations;
      after = plan.state;
    }
    const warnings = events.flatMap((e) => (e.data as { warnings?: Warning[] }).warnings ?? []);
    return {
      office,
      scheme,
      accepted: violations.length === 0,
      wouldWrite: events.length,
      written: 0,
      violations,
      warnings,
      years: yearsOf(before!, after),
    };
  }

  private async amendments(input: SimulateDecisionsDto): Promise<AmendAllocation[]> {
    const out: AmendAllocation[] = [];
    for (const a of input.amendments ?? []) {
      const charge = await this.grants.charge(a.grantId);
      const grant = await this.grants.grant(a.grantId);
      out.push({
        type: 'AmendAllocation',
        ...{ grantId: a.grantId, lines: a.amounts, reason: a.reason ?? 'what-if', paidByYear: grant.state.paid, today: this.clock.today() },
        recommendation: await recommendationFor(this.recommendations, charge.callId, charge.measureId, charge.recipientOrg),
      });
    }
    return out;
  }
}
