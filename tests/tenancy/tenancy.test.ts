import type { IssueTokenInput } from '#libs/auth';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';
import { exampleOf, requestBodyOf, withFixtureIds, type OpenApiDocument } from '../support/openapi-examples.js';
import { operationsOf, pathWith, type Operation } from '../fuzz/openapi-operations.js';
import { idFor, OTHER_OFFICE, seedTenant, TENANT_OFFICE, tenantIdFor, type Tenant } from './tenant-fixture.js';

/**
 * R20 over every operation of the OpenAPI document: each is called, with the tenant's real ids, by everyone who
 * should not see or act on the tenant's data — another office's governor, another school owner, a university not
 * party, and no token. Reads of the tenant's resources answer 401/403/404; lists answer the caller's own data and
 * never the tenant's; commands on the tenant's resources are refused and write nothing. A new endpoint is covered
 * by being in the document; the only list to keep is the exemptions below, each with its reason.
 */
const backends = await testBackends('tenancy');
const TIMEOUT = 240_000;

/** Served without a token by design. */
const PUBLIC = new Set(['GET /health', 'GET /ready']);

/** Readable by every authenticated caller by design (not the tenant's own data). */
const SHARED = new Map<string, string>([
  ['GET /organisations/{orgNumber}', 'the organisation directory holds public facts (name, kind, county) for every user'],
  ['GET /organisations/{orgNumber}/history', 'the directory entry’s history: the same public facts'],
  ['GET /calls/{callId}', 'a call is announced to every school owner and university of the office'],
  ['GET /calls/{callId}/history', 'the call’s announcements in order: the same public facts'],
]);

/** Reads under a path that answer, by design, only what the caller may see (the leak check still applies). */
const FILTERED = new Map<string, string>([
  ['GET /recipients/{orgNumber}/grants', "a governor sees only its own office's grants of the recipient (none of another office's)"],
]);

/** Commands whose answer to an outsider may say more than "refused", by design. */
const DISCLOSED = new Map<string, number>([
  // That an organisation number is registered is a public fact of the directory (GET /organisations/{orgNumber}).
  ['POST /organisations', 409],
]);

interface Outsider {
  who: string;
  input?: IssueTokenInput;
}

describe.each(backends)('tenancy of every operation on %s', (backend: BackendName) => {
  let api: TestApi;
  let tenant: Tenant;
  let doc: OpenApiDocument;
  let ops: Operation[];
  let outsiders: Array<Outsider & { token?: string }>;
  const violations: string[] = [];

  beforeAll(async () => {
    api = await startTestApi(backend);
    ({ tenant } = await seedTenant(api));
    doc = (await api.get('/docs-json')).body as OpenApiDocument;
    ops = operationsOf(doc);
    const list: Outsider[] = [
      { who: 'the governor of another office', input: { role: 'governor', office: OTHER_OFFICE } },
      { who: 'another school owner', input: { role: 'school_owner', org: tenant.otherOwner } },
      { who: 'a university not party', input: { role: 'university', org: tenant.outsideUniversity } },
      { who: 'no token' },
    ];
    outsiders = await Promise.all(list.map(async (o) => ({ ...o, token: o.input ? await api.token(o.input) : undefined })));
  }, TIMEOUT);
  afterAll(async () => api?.close());

  const key = (op: Operation) => `${op.method} ${op.path}`;
  const fill = (op: Operation) => pathWith(op.path, (p) => encodeURIComponent(idFor(tenant, op.path, p) ?? 'x'));
  const bodyOf = (op: Operation) => {
    const body = requestBodyOf(doc, op.path, op.method);
    if (!body) return undefined;
    return withFixtureIds(body.example ?? exampleOf(doc, body.schema, true) ?? {}, (n) => idFor(tenant, op.path, n));
  };
  /** A command that names the tenant's data: on its path, or in a field of its body (grantId, measureId, office…). */
  const targetsTenant = (op: Operation) => {
    if (op.params.length > 0) return true;
    const body = bodyOf(op);
    return !!body && typeof body === 'object' && Object.keys(body).some((k) => tenantIdFor(tenant, op.path, k) !== undefined);
  };

  /** The tenant's secrets in an answer, leaving out what the request itself named (its path and body, echoed back). */
  function leaked(res: ApiResponse, path: string, body: unknown): string[] {
    const asked = decodeURIComponent(path) + JSON.stringify(body ?? '');
    const text = JSON.stringify(res.body ?? '');
    return tenant.secrets.filter((s) => !asked.includes(s) && text.includes(s));
  }
  const said = (res: ApiResponse) => JSON.stringify((res.body as { errors?: unknown } | undefined)?.errors ?? '').slice(0, 240);

  /** What is wrong with one outsider's answer to one operation (nothing, for a refusal that tells nothing). */
  async function check(op: Operation, o: Outsider & { token?: string }): Promise<string[]> {
    const path = fill(op);
    const before = await api.head();
    const body = op.hasBody ? bodyOf(op) : undefined;
    const res = await api.request(op.method, path, { token: o.token, body });
    const where = `${key(op)} as ${o.who} → ${res.status}`;
    const found: string[] = [];
    const leaks = leaked(res, path, body);
    if (leaks.length > 0) found.push(`${where}: answered the tenant's ${leaks.join(', ')}`);
    if (!o.token) {
      if (res.status !== 401) found.push(`${where}: expected 401 without a token`);
    } else if (op.method === 'GET') {
      const filtered = res.status === 200 && FILTERED.has(key(op));
      if (op.params.length > 0 && !SHARED.has(key(op)) && ![403, 404].includes(res.status) && !filtered)
        found.push(`${where}: expected 403 or 404`);
    } else if (targetsTenant(op)) {
      if (!refusedForTenancy(res) && DISCLOSED.get(key(op)) !== res.status)
        found.push(`${where}: expected a refusal (401/403/404, or 422 under R19/R20) ${said(res)}`);
      if ((await api.head()) !== before) found.push(`${where}: wrote events for an outsider`);
    }
    return found;
  }

  it(
    'every operation refuses every outsider with 401/403/404, never answers the tenant’s data, and writes nothing for them',
    async () => {
      let calls = 0;
      for (const op of ops) {
        if (PUBLIC.has(key(op))) continue;
        for (const o of outsiders) {
          violations.push(...(await check(op, o)));
          calls++;
        }
      }
      console.log(
        `[tenancy ${backend}] ${ops.length} operations × ${outsiders.length} outsiders: ${calls} calls, ${violations.length} violations`,
      );
      expect(violations).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'the ids are real: every resource of the tenant that the fixture backs is read by one of its insiders',
    async () => {
      const insiders = await Promise.all(
        [
          { role: 'ministry', org: '972417750' } as const,
          { role: 'governor', office: TENANT_OFFICE } as const,
          { role: 'school_owner', org: tenant.owner } as const,
          { role: 'university', org: tenant.university } as const,
        ].map((input) => api.token(input)),
      );
      const backed = (op: Operation) =>
        op.params.every((p) => !tenant.unbacked.has(p) && !tenant.unbacked.has(`${op.path.split('/')[1]}:${p}`));
      const reads = ops.filter((op) => op.method === 'GET' && op.params.length > 0 && backed(op));
      const missing: string[] = [];
      for (const op of reads) {
        const answers: number[] = [];
        for (const token of insiders) {
          answers.push((await api.get(fill(op), token)).status);
          if (answers.includes(200)) break;
        }
        if (!answers.includes(200)) missing.push(`${key(op)} → ${answers.join('/')}`);
      }
      console.log(
        `[tenancy ${backend}] ${reads.length - missing.length} of ${reads.length} reads of the tenant's resources answered an insider`,
      );
      expect(missing).toEqual([]);
    },
    TIMEOUT,
  );
});

/**
 * A refusal that tells an outsider nothing of the tenant: 401/403/404, or a 422 under R20 (access) or R19 (an
 * organisation acts only in its own governor office; the office of a call or an organisation is public).
 */
function refusedForTenancy(res: ApiResponse): boolean {
  if ([401, 403, 404].includes(res.status)) return true;
  const errors = (res.body as { errors?: Array<{ rule?: string }> } | undefined)?.errors ?? [];
  return res.status === 422 && errors.length > 0 && errors.every((e) => e.rule === 'R20' || e.rule === 'R19');
}
