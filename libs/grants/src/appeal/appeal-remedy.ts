import { Inject, Injectable } from '@nestjs/common';
import {
  CALL_CATALOG,
  CLOCK,
  ConflictError,
  MEASURE_CATALOG,
  ORGANISATION_DIRECTORY,
  RECOMMENDATION_LOOKUP,
  ruleSetFor,
  type CallCatalog,
  type Clock,
  type MeasureCatalog,
  type OrganisationDirectory,
  type RecommendationLookup,
} from '#libs/kernel';
import { CommandRunner, type CommandMeta } from '#libs/platform';
import { FrameLedger, ledgerIdOf, type AmountLine, type LedgerCommand } from '../frame-ledger/frame-ledger.aggregate.js';
import { recommendationFor } from '../frame-ledger/recommendation-facts.js';
import { Grant } from '../grant/grant.aggregate.js';
import { letterSettingsAt } from '../letters/letter-settings/letter-settings.queries.js';
import { grantIdOf } from '../common/grant-id.js';
import type { AppealLodgedData, Remedy } from './appeal.aggregate.js';

/** The requested lines of one org in a measure (a full reversal grants what it asked). */
export async function requestedLines(catalog: MeasureCatalog, measureId: string, org: string): Promise<AmountLine[]> {
  const m = await catalog.get(measureId);
  return (m?.requested ?? []).filter((r) => r.org === org && r.amount > 0).map((r) => ({ year: r.year, amount: r.amount }));
}

/**
 * A reversal's change on the frame ledger (R23 → R18): the appellant's grant for the measure amended, or a new
 * decision where it got nothing. The ledger's deciders refuse it (422, nothing written) when a frame has no room.
 */
@Injectable()
export class AppealRemedies {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEASURE_CATALOG) readonly catalog: MeasureCatalog,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations: RecommendationLookup,
    @Inject(CALL_CATALOG) private readonly calls: CallCatalog,
  ) {}

  /** The remedy's target: the appellant's grant for the measure, amended when it exists, else a new decision. */
  async plan(a: AppealLodgedData, lines: AmountLine[]): Promise<Remedy> {
    const grantId = grantIdOf(a.office, a.scheme, a.measureId, a.appellantOrg);
    const { state } = await this.runner.load(FrameLedger, ledgerIdOf(a.office, a.scheme));
    const charge = state.grants[grantId];
    if (charge?.status === 'revoked')
      throw new ConflictError(`the decision ${grantId} was revoked; a revoked decision is not reopened by an appeal`);
    return { grantId, kind: charge ? 'amendment' : 'decision', lines, position: 0 };
  }

  private async command(a: AppealLodgedData, remedy: Remedy, reason: string): Promise<LedgerCommand> {
    const recommendation = await recommendationFor(this.recommendations, a.callId, a.measureId, a.appellantOrg);
    const today = this.clock.today();
    if (remedy.kind === 'amendment') {
      const paidByYear = (await this.runner.load(Grant, remedy.grantId)).state.paid;
      return { type: 'AmendAllocation', grantId: remedy.grantId, lines: remedy.lines, recommendation, reason, paidByYear, today };
    }
    const [measure, org, call, settings] = await Promise.all([
      this.catalog.get(a.measureId),
      this.directory.get(a.appellantOrg),
      this.calls.get(a.callId),
      letterSettingsAt(this.runner, a.office),
    ]);
    const year = measure?.year ?? Number(a.letter.date.slice(0, 4));
    return {
      type: 'DecideAllocation',
      ...{
        grantId: remedy.grantId,
        office: a.office,
        scheme: a.scheme,
        decisionYear: year,
        callId: a.callId,
        measureId: a.measureId,
        measure,
      },
      ...{ recipient: { org: a.appellantOrg, kind: org?.kind ?? null }, lines: remedy.lines, recommendation, deviationReason: reason },
      ...{
        decisionDate: call?.decisionDate ?? `${year}-${ruleSetFor(a.scheme, year).defaultDecisionDate}`,
        today,
        caseNumberFormat: settings.caseNumberFormat,
      },
    };
  }

  /** Writes the remedy to the ledger (by the actor deciding the appeal, with its reason); its position. */
  async execute(meta: CommandMeta, a: AppealLodgedData, remedy: Remedy, reason: string): Promise<Remedy> {
    const command = await this.command(a, remedy, reason);
    // The appeal's If-Match and Idempotency-Key belong to the appeal's stream, not the ledger's.
    const ledgerMeta: CommandMeta = { actor: meta.actor, correlationId: meta.correlationId };
    const outcome = await this.runner.run(FrameLedger, ledgerIdOf(a.office, a.scheme), command, ledgerMeta, {
      resourceId: remedy.grantId,
      reason,
      retryOnConflict: true,
    });
    return { ...remedy, position: outcome.position };
  }
}
