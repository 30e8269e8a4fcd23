import type { IssueTokenInput } from '#libs/auth';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';
import { exampleOf, requestBodyOf, type OpenApiDocument } from '../support/openapi-examples.js';
import { operationsOf, pathWith, type Operation } from '../fuzz/openapi-operations.js';

/**
 * The OpenAPI document's examples are bodies the service accepts: every command whose body (or whose DTO's
 * properties) documents an example is sent that example, with path ids from a small fixture, under every role;
 * the answers may refuse it for the role or the state of things (403, 404, 409, 422) but never for its shape —
 * no 400 naming a field the example has.
 */
const backends = await testBackends('openapi examples');

/** Well-formed ids by path-parameter name (shape only: the resources need not exist). */
const PATH_IDS: Record<string, string> = {
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  year: '2028',
  org: '964965226',
  orgNumber: '964965226',
  recipientOrg: '964965226',
  callId: 'rogaland-dekomp-2028',
  grantId: 'ROGALAND.DEKOMP.m-1.964965226',
  measureId: 'm-1',
  forumId: 'rogaland-forum',
  memberId: 'm-1',
  recommendationId: 'rogaland-forum-2028',
  versionNo: '1',
  n: '1',
  name: 'grants',
};
const UUID = '5f0c6a0e-8a57-4b8e-9c8e-2f1b3c4d5e6f';

const ROLES: IssueTokenInput[] = [
  { role: 'ministry', org: '972417750' },
  { role: 'governor', office: 'ROGALAND' },
  { role: 'school_owner', org: '964965226' },
  { role: 'university', org: '971564679' },
];

/** Every field path of an example body: `amounts`, `amounts[0]`, `amounts[0].year`… */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [`${prefix}[${i}]`, ...fieldPaths(v, `${prefix}[${i}]`)]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      return [path, ...fieldPaths(v, path)];
    });
  return [];
}

describe.each(backends)('documented examples are accepted on %s', (backend: BackendName) => {
  let api: TestApi;
  let doc: OpenApiDocument;
  let tokens: string[];
  beforeAll(async () => {
    api = await startTestApi(backend);
    doc = (await api.get('/docs-json')).body as OpenApiDocument;
    tokens = await Promise.all(ROLES.map((r) => api.token(r)));
  });
  afterAll(async () => api?.close());

  it('every command with a documented example: no role is refused for the example’s shape, and some role gets past the role check', async () => {
    const commands = operationsOf(doc as Parameters<typeof operationsOf>[0]).filter((op) => op.method !== 'GET' && op.hasBody);
    const refused: string[] = [];
    const noRole: string[] = [];
    let sent = 0;
    for (const op of commands) {
      const body = requestBodyOf(doc, op.path, op.method);
      const example = body?.example ?? exampleOf(doc, body?.schema);
      if (example === undefined) continue;
      sent++;
      const answers = await asEveryRole(op, example);
      // A role the route refuses (403) says nothing of the shape; a 400 does.
      if (answers.every((a) => a.status === 401 || a.status === 403)) noRole.push(`${op.method} ${op.path}`);
      const fields = new Set(fieldPaths(example));
      const named = answers.flatMap((a) =>
        a.status === 400 ? ((a.body as { errors?: Array<{ field: string; rule: string }> }).errors ?? []) : [],
      );
      const wrong = [...new Set(named.filter((e) => fields.has(e.field)).map((e) => `${e.field} (${e.rule})`))];
      if (wrong.length > 0) refused.push(`${op.method} ${op.path}: ${wrong.join(', ')}`);
    }
    console.log(
      `[openapi examples ${backend}] ${sent} of ${commands.length} commands document an example; ${refused.length} refused for its shape`,
    );
    expect(sent).toBeGreaterThan(commands.length / 2);
    expect(noRole).toEqual([]);
    expect(refused).toEqual([]);
  }, 60_000);

  /** The example sent under every role (refusals write nothing, so one state serves all). */
  async function asEveryRole(op: Operation, example: unknown): Promise<ApiResponse[]> {
    const path = pathWith(op.path, (p) => encodeURIComponent(PATH_IDS[p] ?? UUID));
    const answers: ApiResponse[] = [];
    for (const token of tokens) answers.push(await api.request(op.method, path, { token, body: example }));
    return answers;
  }
});
