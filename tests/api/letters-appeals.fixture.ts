import {
  MEASURE_CATALOG,
  RECOMMENDATION_LOOKUP,
  type MeasureCatalog,
  type MeasureInfo,
  type RecommendationInfo,
  type RecommendationLookup,
} from '#libs/kernel';
import { orgNumberWithCheckDigit } from '#libs/reference-data';
import type { BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

// pdfjs-dist 6 uses Promise.withResolvers (Node 22); Node 20 lacks it.
const P = Promise as unknown as { withResolvers?: () => unknown };
P.withResolvers ??= () => {
  let resolve: unknown, reject: unknown;
  const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};

export const STAVANGER = '964965226';
export const SANDNES = orgNumberWithCheckDigit('93000001');
export const UIS = '971564679';
export const KLEPP = orgNumberWithCheckDigit('93000005');

export interface Suite {
  api: TestApi;
  tokens: Record<'ministry' | 'governor' | 'agder' | 'stavanger' | 'sandnes' | 'klepp' | 'uis', string>;
  measures: Map<string, MeasureInfo>;
  recommendations: Map<string, RecommendationInfo>;
  /** A submitted measure of the 2028 Rogaland DEKOMP call, its owners and what each asked per year. */
  measure(measureId: string, owners: string[], requested: Array<{ org: string; year: number; amount: number }>, title?: string): void;
  frame(year: number, amount: number): Promise<void>;
  decide(body: Record<string, unknown>): Promise<{ status: number; body: any }>;
}

export async function startSuite(backend: BackendName): Promise<Suite> {
  const api = await startTestApi(backend);
  const measures = new Map<string, MeasureInfo>();
  const recommendations = new Map<string, RecommendationInfo>();
  Object.assign(api.app.get<MeasureCatalog>(MEASURE_CATALOG, { strict: false }), { get: async (id: string) => measures.get(id) ?? null });
  Object.assign(api.app.get<RecommendationLookup>(RECOMMENDATION_LOOKUP, { strict: false }), {
    forCall: async (callId: string) => recommendations.get(callId) ?? null,
  });
  const tokens = {
    ministry: await api.token({ role: 'ministry', org: '972417750' }),
    governor: await api.token({ role: 'governor', office: 'ROGALAND' }),
    agder: await api.token({ role: 'governor', office: 'AGDER' }),
    stavanger: await api.token({ role: 'school_owner', org: STAVANGER }),
    sandnes: await api.token({ role: 'school_owner', org: SANDNES }),
    klepp: await api.token({ role: 'school_owner', org: KLEPP }),
    uis: await api.token({ role: 'university', org: UIS }),
  };
  for (const org of [
    { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
    { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
    { orgNumber: KLEPP, name: 'Klepp kommune', kind: 'municipality', municipalityNumber: '1120' },
    { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
  ]) {
    const r = await api.post('/organisations', tokens.ministry, org);
    expect(r.status).toBe(201);
  }
  return {
    api,
    tokens,
    measures,
    recommendations,
    measure(measureId, owners, requested, title = `Measure ${measureId}`) {
      measures.set(measureId, {
        ...{
          assessmentId: `a-${measureId}`,
          measureId,
          callId: 'rogaland-dekomp-2028',
          office: 'ROGALAND',
          scheme: 'DEKOMP',
          year: 2028,
          title,
          themes: [],
        },
        ...{
          leadOwner: owners[0],
          owners,
          network: owners.length > 1,
          universities: [],
          startYear: 2028,
          spanYears: 2,
          requested,
          status: 'submitted',
          late: false,
        },
      });
    },
    async frame(year, amount) {
      const r = await api.post('/frames', tokens.ministry, { office: 'ROGALAND', scheme: 'DEKOMP', year, amount });
      expect(r.status).toBe(201);
    },
    decide: (body) => api.post('/grants', tokens.governor, { scheme: 'DEKOMP', year: 2028, ...body }),
  };
}

/** A PDF's text, read back with pdfjs-dist, every run of white space (line breaks, non-breaking spaces) as one space. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: bytes, useSystemFonts: false });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await task.destroy();
  return pages.join(' ').replace(/\s+/g, ' ');
}

/** GET a letter's raw bytes. */
export async function letterBytes(api: TestApi, path: string, token: string, accept?: string) {
  const res = await fetch(api.url + path, { headers: { authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}
