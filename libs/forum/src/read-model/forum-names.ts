import type { Sql } from '#libs/db';
import { MEASURE_TITLES } from '#libs/needs-assessments';
import { ORGANISATION_NAMES } from '#libs/organisations';
import { namesTable } from '#libs/projections';
import type { RecommendedMeasure } from '../recommendation/content/content.js';

/** The forum read model's own names: organisations' from their events, measures' titles from the assessments'. */
export const FORUM_ORG_NAMES = namesTable('forum_org_names', ORGANISATION_NAMES);
export const FORUM_MEASURE_TITLES = namesTable('forum_measure_titles', MEASURE_TITLES);

/** A recommended measure with the names beside its numbers (as of the read model's time). */
export type NamedMeasure = RecommendedMeasure & {
  measureTitle: string | null;
  cooperatingOwnerNames: Array<string | null>;
  cooperatingUniversityNames: Array<string | null>;
  amounts: Array<RecommendedMeasure['amounts'][number] & { recipientName: string | null }>;
};

/** Adds the measures' titles and the organisations' names to each row's recommended measures, in two lookups. */
export async function withMeasureNames<R extends { measures: RecommendedMeasure[] }>(
  sql: Sql,
  rows: R[],
): Promise<Array<Omit<R, 'measures'> & { measures: NamedMeasure[] }>> {
  const measures = rows.flatMap((r) => r.measures);
  const titles = await FORUM_MEASURE_TITLES.lookup(
    sql,
    measures.map((m) => m.measureId),
  );
  const orgs = await FORUM_ORG_NAMES.lookup(
    sql,
    measures.flatMap((m) => [...m.cooperatingOwners, ...m.cooperatingUniversities, ...m.amounts.map((a) => a.recipientOrg)]),
  );
  const name = (org: string) => orgs.get(org) ?? null;
  return rows.map((r) => ({
    ...r,
    measures: r.measures.map((m) => ({
      ...m,
      measureTitle: titles.get(m.measureId) ?? null,
      cooperatingOwnerNames: m.cooperatingOwners.map(name),
      cooperatingUniversityNames: m.cooperatingUniversities.map(name),
      amounts: m.amounts.map((a) => ({ ...a, recipientName: name(a.recipientOrg) })),
    })),
  }));
}
