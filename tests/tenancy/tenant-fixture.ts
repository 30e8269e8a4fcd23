import { osloToday, runSeed, type SeedOptions, type SeedResult } from '../../apps/cli/src/seed/index.js';
import type { TestApi } from '../support/api.js';

/**
 * A small seeded year (npm run seed through the API: one office, one year) and one tenant in it: the ROGALAND
 * office's grant, its recipient (a school owner), its measure, needs assessment, call, forum and recommendation.
 * `idFor(path, name)` fills a path parameter (or a body field of that name) with the tenant's real id; `secrets` are
 * what no outsider may ever read back (ids and titles of the tenant's own data).
 */
export const SEED: SeedOptions = { seed: 11, years: 1, offices: ['ROGALAND'], scale: 0.02, today: osloToday() };
export const TENANT_OFFICE = 'ROGALAND';
export const OTHER_OFFICE = 'AGDER';
/** A school owner of the other office (Kristiansand kommune): an outsider to every ROGALAND resource. */
const KRISTIANSAND = '944496394';

export interface Tenant {
  ids: Record<string, string>;
  /** Ids per first path segment where one parameter name means different resources (`{id}`, `{org}`). */
  scoped: Record<string, Record<string, string>>;
  /** Parameter names with no resource in the fixture: filled with a well-formed id that names nothing. */
  unbacked: Set<string>;
  secrets: string[];
  owner: string;
  /** The university named on the tenant's measure (a party to it). */
  university: string;
  /** A school owner of the other office and a university named nowhere in the tenant's needs assessments. */
  otherOwner: string;
  outsideUniversity: string;
}

type Row = Record<string, unknown>;

export async function seedTenant(api: TestApi): Promise<{ tenant: Tenant; result: SeedResult }> {
  const result = await runSeed(api.url, { issue: (input) => api.token(input) }, SEED, { concurrency: 6 });
  const ministry = await api.token({ role: 'ministry', org: '972417750' });
  const read = async <T = Row>(path: string): Promise<T> => {
    const r = await api.get<T>(path, ministry);
    if (r.status !== 200) throw new Error(`fixture: GET ${path} answered ${r.status}`);
    return r.body;
  };
  const { plan } = result;
  const owners = new Set(plan.organisations.filter((o) => o.kind !== 'university').map((o) => o.orgNumber));
  const grantPlan = plan.grants.find((g) => g.office === TENANT_OFFICE && owners.has(g.recipientOrg) && g.accept && !g.revocation);
  if (!grantPlan) throw new Error('fixture: the seed made no accepted ROGALAND grant to a school owner; change SEED');
  const grantId = result.ids.grants[grantPlan.key];
  const grant = await read(`/grants/${grantId}`);
  const assessment = plan.assessments.find((a) => a.key === grantPlan.measure.assessmentKey)!;
  const assessmentId = result.ids.assessments[assessment.key];
  const forum = plan.forums.find((f) => f.office === TENANT_OFFICE)!;
  const members = await read<Row[]>(`/forums/${forum.forumId}/members`);
  const recommendations = await read<Row[]>(`/recommendations?office=${TENANT_OFFICE}`);
  const county = plan.yrkesfag.find((y) => y.countyNumber === '11');
  const mine = plan.assessments.filter((a) => a.office === TENANT_OFFICE);
  const named = JSON.stringify(mine);
  const universities = await read<Row[]>('/reference/universities');
  const outsideUniversity = universities.map((u) => String(u.orgNumber)).find((org) => !named.includes(org))!;
  const measurePlan = assessment.measures.find((m) => m.key === grantPlan.measure.measureKey);

  const ids: Record<string, string> = {
    office: TENANT_OFFICE,
    scheme: 'DEKOMP',
    year: String(grantPlan.year),
    versionNo: '1',
    n: '1',
    name: 'grants',
    grantId,
    measureId: stringOf(grant.measureId),
    orgNumber: grantPlan.recipientOrg,
    recipientOrg: grantPlan.recipientOrg,
    org: grantPlan.recipientOrg,
    callId: assessment.callId,
    forumId: forum.forumId,
    memberId: stringOf(members[0]?.memberId),
    recommendationId: stringOf(recommendations[0]?.recommendationId),
    id: assessmentId,
  };
  const scoped: Tenant['scoped'] = {
    yrkesfag: county ? { org: county.county } : {},
    'recommendation-drafts': { id: unbackedId('draft') },
    webhooks: { id: unbackedId('webhook') },
  };
  const unbacked = new Set(['claimId', 'appealId', 'proposalId', 'runId', 'deliveryId', 'recommendation-drafts:id', 'webhooks:id']);
  for (const name of ['claimId', 'appealId', 'proposalId', 'runId', 'deliveryId']) ids[name] = unbackedId(name);
  const secrets = [grantId, assessmentId, ids.measureId, ids.recommendationId, ...mine.map((a) => a.title)].filter((s) => s.length >= 6);
  return {
    tenant: {
      ids,
      scoped,
      unbacked,
      secrets,
      owner: grantPlan.recipientOrg,
      university: measurePlan?.university ?? '',
      otherOwner: KRISTIANSAND,
      outsideUniversity,
    },
    result,
  };
}

/** A well-formed id that names nothing (for resources the seed does not make). */
function unbackedId(what: string): string {
  return `00000000-0000-4000-8000-${Buffer.from(what).toString('hex').padEnd(12, '0').slice(0, 12)}`;
}

/** The tenant's id for a path parameter (or body field) of an operation on `path`. */
export function idFor(tenant: Tenant, path: string, name: string): string | undefined {
  const segment = path.split('/')[1] ?? '';
  return tenant.scoped[segment]?.[name] ?? tenant.ids[name];
}

/** Values every tenant shares (a scheme, a year, a letter number): naming them does not name the tenant. */
const SHARED_VALUES = new Set(['scheme', 'year', 'n', 'versionNo', 'name']);

/** The tenant's id for a body field that names the tenant's own data (grantId, measureId, office, orgNumber…). */
export function tenantIdFor(tenant: Tenant, path: string, name: string): string | undefined {
  return SHARED_VALUES.has(name) ? undefined : idFor(tenant, path, name);
}

const stringOf = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
