import { DevTokenIssuer } from '#libs/auth';
import { municipalitiesOfCounty, orgNumberWithCheckDigit } from '#libs/reference-data';
import type { MixRequest } from './p2-ceiling.js';

const OWNERS = 120;

/** What the mix works on: owners with a draft each, a ministry token, the call. */
export interface MixState {
  ministry: string;
  ownerTokens: string[];
  owners: string[];
  drafts: Array<{ id: string; owner: number }>;
}

export async function call(
  url: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

function ownerNumbers(): string[] {
  const owners: string[] = [];
  for (let i = 0; owners.length < OWNERS; i++) {
    try {
      owners.push(orgNumberWithCheckDigit(String(81000000 + i)));
    } catch {
      // not every 8-digit stem has a check digit
    }
  }
  return owners;
}

/** Registers owners and a university, opens a call, and makes a draft per owner: the state the mix works on. */
export async function prepare(url: string, dataDir: string): Promise<MixState> {
  const issuer = new DevTokenIssuer(dataDir);
  const ministry = await issuer.issue({ role: 'ministry', org: '972417750' });
  const governor = await issuer.issue({ role: 'governor', office: 'ROGALAND' });
  const municipalities = municipalitiesOfCounty('11');
  const owners = ownerNumbers();
  for (const [i, org] of owners.entries()) {
    const r = await call(url, 'POST', '/organisations', ministry, {
      orgNumber: org,
      name: `Eier ${i}`,
      kind: 'private_owner',
      municipalityNumber: municipalities[i % municipalities.length].number,
    });
    if (r.status !== 201) throw new Error(`setup: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const opened = await call(url, 'POST', '/calls', governor, { scheme: 'DEKOMP', year: 2030, title: 'Bench', deadline: '2030-02-01' });
  if (opened.status !== 201) throw new Error(`setup call: ${opened.status}`);
  const ownerTokens = await Promise.all(owners.map((org) => issuer.issue({ role: 'school_owner', org })));
  const drafts: MixState['drafts'] = [];
  for (let i = 0; i < owners.length; i++) {
    const r = await call(url, 'POST', '/needs-assessments', ownerTokens[i], {
      callId: 'rogaland-dekomp-2030',
      title: `Behovsmelding ${i}`,
    });
    if (r.status !== 201) throw new Error(`setup draft: ${r.status} ${JSON.stringify(r.body)}`);
    drafts.push({ id: r.body.id, owner: i });
  }
  return { ministry, ownerTokens, owners, drafts };
}

/** The same shapes for the ceiling, which reads no token and no id: placeholders of a token's length. */
export function placeholderState(): MixState {
  const owners = ownerNumbers();
  const token = 'x'.repeat(330);
  return {
    ministry: token,
    owners,
    ownerTokens: owners.map(() => token),
    drafts: owners.map((_, i) => ({ id: '00000000-0000-4000-8000-000000000000', owner: i })),
  };
}

const content = (n: number) => ({
  title: `Behovsmelding ${n}`,
  summary: 'Lokal analyse av kompetansebehov',
  anchoring: {
    staffInvolvement: 'Teams',
    leaderInvolvement: 'Rektormøter',
    universityParticipation: 'UiS deltok',
    plans: ['Kompetanseplan'],
  },
  themes: { goals: ['learning_environment'], tags: ['lesing'] },
});

/** P2's mix: 30 % new drafts, 40 % content edits of a draft, 30 % organisation amendments. */
export function mixOf(s: MixState): () => MixRequest {
  let n = 0;
  return () => {
    n++;
    const r = Math.random();
    const owner = Math.floor(Math.random() * s.owners.length);
    if (r < 0.3) {
      return {
        method: 'POST',
        path: '/needs-assessments',
        body: JSON.stringify({ callId: 'rogaland-dekomp-2030', title: `Utkast ${n}` }),
        headers: { authorization: `Bearer ${s.ownerTokens[owner]}` },
      };
    }
    if (r < 0.7) {
      const d = s.drafts[owner];
      return {
        method: 'PUT',
        path: `/needs-assessments/${d.id}/content`,
        body: JSON.stringify(content(n)),
        headers: { authorization: `Bearer ${s.ownerTokens[d.owner]}` },
      };
    }
    return {
      method: 'POST',
      path: `/organisations/${s.owners[owner]}/amendments`,
      body: JSON.stringify({ name: `Eier ${owner} (${n})`, reason: 'bench' }),
      headers: { authorization: `Bearer ${s.ministry}` },
    };
  };
}
