import { Inject, Injectable } from '@nestjs/common';
import {
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
  type RecommendationInfo,
  type RecommendationLookup,
  type Scheme,
} from '#libs/kernel';
import { grantIdOf } from '../../common/grant-id.js';
import type { DecideAllocation } from '../decide-allocation/decide-allocation.decide.js';
import type { AmountLine } from '../frame-ledger.aggregate.js';
import { recommendationFor } from '../recommendation-facts.js';

export interface BulkLine {
  measureId: string;
  recipientOrg: string;
  amounts: AmountLine[];
  deviationReason?: string;
}

/**
 * The facts of many decisions at once (measures, recipients, the recommendation, the call's decision date), each
 * looked up once: a batch of 230 lines makes a handful of port calls per measure, not per line.
 */
@Injectable()
export class DecisionFacts {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
    @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations: RecommendationLookup,
    @Inject(CALL_CATALOG) private readonly calls: CallCatalog,
  ) {}

  async decisions(office: string, scheme: Scheme, year: number, lines: BulkLine[], defaultReason?: string): Promise<DecideAllocation[]> {
    const ids = [...new Set(lines.map((l) => l.measureId))];
    const measures = new Map(await Promise.all(ids.map(async (id) => [id, await this.catalog.get(id)] as const)));
    const orgs = await this.directory.getMany([...new Set(lines.map((l) => l.recipientOrg))]);
    const recs = new Map<string, Promise<RecommendationInfo | null>>();
    const lookup: RecommendationLookup = {
      forCall: (callId) => recs.get(callId) ?? (recs.set(callId, this.recommendations.forCall(callId)), recs.get(callId)!),
    };
    const dates = new Map<string, string>();
    const today = this.clock.today();
    const out: DecideAllocation[] = [];
    for (const l of lines) {
      const measure = measures.get(l.measureId) ?? null;
      const callId = measure?.callId ?? `${office}-${scheme}-${year}`.toLowerCase();
      if (!dates.has(callId))
        dates.set(callId, (await this.calls.get(callId))?.decisionDate ?? `${year}-${ruleSetFor(scheme, year).defaultDecisionDate}`);
      const recommendation = await recommendationFor(lookup, callId, l.measureId, l.recipientOrg);
      out.push({
        type: 'DecideAllocation',
        ...{
          grantId: grantIdOf(office, scheme, l.measureId, l.recipientOrg),
          office,
          scheme,
          decisionYear: year,
          callId,
          measureId: l.measureId,
          measure,
        },
        ...{ recipient: { org: l.recipientOrg, kind: orgs.get(l.recipientOrg)?.kind ?? null }, lines: l.amounts, recommendation },
        ...{ deviationReason: l.deviationReason ?? defaultReason, decisionDate: dates.get(callId)!, today },
      });
    }
    return out;
  }

  /** Measures of another office are refused before anything (R20). */
  async foreignMeasures(office: string, lines: BulkLine[]): Promise<string[]> {
    const ids = [...new Set(lines.map((l) => l.measureId))];
    const found = await Promise.all(ids.map((id) => this.catalog.get(id)));
    return found.filter((m) => m && m.office !== office).map((m) => m!.measureId);
  }
}
