import { Inject, Injectable } from '@nestjs/common';
import {
  CALL_CATALOG,
  MEASURE_CATALOG,
  ORGANISATION_DIRECTORY,
  ruleSetFor,
  type CallCatalog,
  type MeasureCatalog,
  type MeasureInfo,
  type OrganisationDirectory,
} from '#libs/kernel';
import type { ForumState } from '../../forum/forum.aggregate.js';
import type { RecommendationContent, RecommendationFacts } from './content.js';

/** The content as the decider takes it (no DTO class, no extra fields). */
export const contentOf = (input: RecommendationContent): RecommendationContent => ({
  meetingId: input.meetingId,
  outcome: input.outcome,
  vote: input.vote ?? null,
  measures: input.measures,
  note: input.note ?? null,
});

/**
 * What a recommendation's decider needs from other capabilities: the call (CALL_CATALOG), the measures
 * (MEASURE_CATALOG) and the organisations (ORGANISATION_DIRECTORY).
 */
@Injectable()
export class RecommendationFactsLookup {
  constructor(
    @Inject(CALL_CATALOG) private readonly calls: CallCatalog,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  async facts(forum: ForumState, callId: string, content: RecommendationContent): Promise<RecommendationFacts> {
    const call = await this.calls.get(callId);
    const rules = call ? ruleSetFor(call.scheme, call.year) : null;
    const measures = content.measures ?? [];
    const ids = [...new Set(measures.map((m) => m.measureId).filter((id): id is string => typeof id === 'string' && id.trim() !== ''))];
    const catalogued: Record<string, MeasureInfo | null> = Object.fromEntries(
      await Promise.all(ids.map(async (id) => [id, await this.catalog.get(id)] as const)),
    );
    const orgNumbers = measures
      .flatMap((m) => [
        ...(m.cooperatingOwners ?? []),
        ...(m.cooperatingUniversities ?? []),
        ...(m.amounts ?? []).map((a) => a.recipientOrg ?? ''),
      ])
      .filter(Boolean);
    const organisations = Object.fromEntries(await this.directory.getMany(orgNumbers));
    return {
      forum,
      call: call ? { callId: call.callId, office: call.office, scheme: call.scheme, year: Number(call.year) } : null,
      maxSpanYears: rules?.maxSpanYears ?? 3,
      universityPartnerRequired: rules?.universityPartnerRequired ?? true,
      measures: catalogued,
      organisations,
    };
  }
}
