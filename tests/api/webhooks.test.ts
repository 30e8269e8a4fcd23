import { verifySignature } from '#libs/notifications';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { WebhookReceiver } from './webhook-receiver.js';
import {
  amended,
  appendGrant,
  appendLedger,
  appendAppeal,
  appendRecommendation,
  claimed,
  decided,
  decidedByUdir,
  forwarded,
  KRISTIANSAND,
  lodged,
  paid,
  published,
  reconsidered,
  recorded,
  reported,
  revoked,
  STAVANGER,
  UIS,
} from './webhooks.fixture.js';

const backends = await testBackends('webhooks api');

// Small delivery settings: quick retries, 4 attempts before a dead letter, a short lease for the restart.
Object.assign(process.env, {
  WEBHOOK_MAX_ATTEMPTS: '4',
  WEBHOOK_BACKOFF_MS: '40',
  WEBHOOK_MAX_BACKOFF_MS: '200',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_LEASE_MS: '2500',
  WEBHOOK_POLL_MS: '25',
});

const EMITTED = ['call.opened', 'recommendation.published', 'grant.decided', 'payment.recorded', 'report.submitted', 'repayment.claimed'];
const SANDNES = '964965137';
const G1 = 'ROGALAND.DEKOMP.m1.964965226';
const G2 = 'ROGALAND.DEKOMP.m1.971564679';
const G3 = 'AGDER.DEKOMP.m9.944496394';

describe.each(backends)('webhooks API on %s', (backend: BackendName) => {
  let api: TestApi;
  const receiver = new WebhookReceiver();
  const t: Record<'rogaland' | 'agder' | 'ministry' | 'owner' | 'sandnes' | 'uis', string> = {} as never;
  const subs: Record<string, { id: string; secret: string }> = {};
  let last = 0;
  let lastEvent = 0;

  const subscribe = async (who: keyof typeof t, path: string, kinds: string[], scope?: { office: string }) => {
    const r = await api.post('/webhooks', t[who], { url: receiver.url + path, kinds, ...(scope ? { scope } : {}) });
    expect(r.status).toBe(201);
    last = Math.max(last, r.body.position);
    subs[path] = { id: r.body.id, secret: r.body.secret };
    return r;
  };
  const read = (path: string, who: keyof typeof t) => api.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, t[who]);
  const ids = (path: string) => new Set(receiver.at(path).map((r) => r.deliveryId));
  const kindsAt = (path: string) => [...new Map(receiver.at(path).map((r) => [r.deliveryId, r.body.kind])).values()].sort();
  const openCall = async (who: 'rogaland' | 'agder', scheme = 'DEKOMP', year = 2027) => {
    const r = await api.post('/calls', t[who], { scheme, year, title: `Behovsmelding ${year}` });
    expect(r.status).toBe(201);
    return r.body.position as number;
  };

  beforeAll(async () => {
    await receiver.start();
    api = await startTestApi(backend, {}, { keep: true });
    t.rogaland = await api.token({ role: 'governor', office: 'ROGALAND' });
    t.agder = await api.token({ role: 'governor', office: 'AGDER' });
    t.ministry = await api.token({ role: 'ministry', org: '972417750' });
    t.owner = await api.token({ role: 'school_owner', org: STAVANGER });
    t.sandnes = await api.token({ role: 'school_owner', org: SANDNES });
    t.uis = await api.token({ role: 'university', org: UIS });
    const reg = await api.post('/organisations', t.rogaland, {
      orgNumber: STAVANGER,
      name: 'Stavanger kommune',
      kind: 'municipality',
      municipalityNumber: '1103',
    });
    expect(reg.status).toBe(201);
    expect((await api.get(`/organisations/${STAVANGER}?minPosition=${reg.body.position}`, t.owner)).body.office).toBe('ROGALAND');
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
    await api.handle.drop();
  });

  describe('bad input: 400/403/422 naming the field, nothing written', () => {
    it('a URL that is not http(s), carries credentials, or kinds that do not exist: 400', async () => {
      const since = await api.head();
      const ftp = await api.post('/webhooks', t.owner, { url: 'ftp://hooks.example.org/x', kinds: ['grant.decided'] });
      expect(ftp.status).toBe(400);
      expect(ftp.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(ftp.body.errors).toEqual([
        expect.objectContaining({ field: 'url', rule: 'isWebhookUrl', message: expect.stringMatching(/http or https/) }),
      ]);
      const creds = await api.post('/webhooks', t.owner, { url: 'https://me:secret@hooks.example.org/x', kinds: ['grant.decided'] });
      expect(creds.body.errors).toEqual([expect.objectContaining({ field: 'url', message: expect.stringMatching(/credentials/) })]);
      const kinds = await api.post('/webhooks', t.owner, { url: 'https://hooks.example.org/x', kinds: ['grant.exploded'] });
      expect(kinds.status).toBe(400);
      expect(kinds.body.errors[0].field).toBe('kinds');
      const office = await api.post('/webhooks', t.ministry, {
        url: 'https://hooks.example.org/x',
        kinds: ['call.opened'],
        scope: { office: 'NARNIA' },
      });
      expect(office.body.errors[0].field).toBe('scope.office');
      await api.expectNewEvents(since, []);
    });

    it('R20: kinds or an office the subscriber may not see: 403 naming the field', async () => {
      const since = await api.head();
      const call = await api.post('/webhooks', t.uis, { url: 'https://hooks.example.org/x', kinds: ['grant.decided', 'call.opened'] });
      expect(call.status).toBe(403);
      expect(call.body.errors[0].rule).toBe('R20');
      expect(call.body.detail).toMatch(/^kinds\[1\]: call.opened is not visible to university/);
      const otherOffice = await api.post('/webhooks', t.owner, {
        url: 'https://hooks.example.org/x',
        kinds: ['call.opened'],
        scope: { office: 'AGDER' },
      });
      expect(otherOffice.status).toBe(403);
      expect(otherOffice.body.detail).toMatch(/^scope.office: school_owner 964965226 sees office ROGALAND, not AGDER/);
      const governor = await api.post('/webhooks', t.rogaland, {
        url: 'https://hooks.example.org/x',
        kinds: ['call.opened'],
        scope: { office: 'AGDER' },
      });
      expect(governor.status).toBe(403);
      await api.expectNewEvents(since, []);
    });

    it('more than 10 subscriptions: 422 naming subscriptions; a deleted one makes room', async () => {
      const made: string[] = [];
      for (let i = 0; i < 10; i++)
        made.push((await api.post('/webhooks', t.sandnes, { url: `https://hooks.example.org/${i}`, kinds: ['grant.decided'] })).body.id);
      const since = await api.head();
      const eleventh = await api.post('/webhooks', t.sandnes, { url: 'https://hooks.example.org/11', kinds: ['grant.decided'] });
      expect(eleventh.status).toBe(422);
      expect(eleventh.body.errors).toEqual([expect.objectContaining({ rule: 'maxSubscriptions', field: 'subscriptions' })]);
      await api.expectNewEvents(since, []);
      expect((await api.request('DELETE', `/webhooks/${made[0]}`, { token: t.sandnes })).status).toBe(200);
      expect((await api.post('/webhooks', t.sandnes, { url: 'https://hooks.example.org/11', kinds: ['grant.decided'] })).status).toBe(201);
    });
  });

  describe('subscriptions: each subscriber sees only its own', () => {
    it('subscribes: 201, Location, the secret once; WebhookSubscribed', async () => {
      const since = await api.head();
      const r = await subscribe('owner', '/owner', EMITTED);
      expect(r.headers.get('location')).toBe(`/webhooks/${r.body.id}`);
      expect(r.headers.get('etag')).toBe('"1"');
      expect(r.body.secret).toMatch(/^whsec_[\w-]{40,}$/);
      const [e] = await api.expectNewEvents(since, ['WebhookSubscribed']);
      expect(e.streamId).toBe(`WebhookSubscriptions-${STAVANGER}`);
      expect(JSON.stringify(e.data)).not.toContain(r.body.secret);
      await subscribe('rogaland', '/rogaland', EMITTED);
      await subscribe('agder', '/agder', EMITTED);
      await subscribe('ministry', '/ministry-agder', ['call.opened'], { office: 'AGDER' });
      await subscribe('uis', '/uis', ['grant.decided', 'payment.recorded', 'recommendation.published']);
    });

    it('reads: own only, never the secret; another subscriber gets 404', async () => {
      const own = await read(`/webhooks/${subs['/owner'].id}`, 'owner');
      expect(own.status).toBe(200);
      expect(own.headers.get('etag')).toBe('"1"');
      expect(own.body).toMatchObject({
        url: `${receiver.url}/owner`,
        kinds: EMITTED,
        status: 'active',
        scope: { office: null },
        subscriber: { role: 'school_owner', org: STAVANGER, homeOffice: 'ROGALAND' },
      });
      expect(JSON.stringify(own.body)).not.toContain('whsec_');
      expect((await read('/webhooks', 'owner')).body.map((w: { subscriptionId: string }) => w.subscriptionId)).toEqual([subs['/owner'].id]);
      expect((await read(`/webhooks/${subs['/owner'].id}`, 'rogaland')).status).toBe(404);
      expect(
        (await api.request('PATCH', `/webhooks/${subs['/owner'].id}`, { token: t.uis, body: { url: 'https://evil.example.org' } })).status,
      ).toBe(404);
      expect((await read('/webhooks/kinds', 'uis')).body).toContainEqual(expect.objectContaining({ kind: 'letter.issued', emitted: true }));
      expect((await read('/webhooks/kinds', 'uis')).body).toContainEqual(
        expect.objectContaining({ kind: 'appeal.outcome', emitted: true }),
      );
    });
  });

  describe('delivery', () => {
    it('publishes the events of a year (calls by HTTP, the rest as their capabilities write them)', async () => {
      receiver.answer('/rogaland', (_r, nth) => (nth <= 2 ? 500 : 200)); // fails twice per delivery, then recovers
      receiver.answer('/uis', () => 500); // always down: dead letters
      receiver.answer('/owner-letters', (_r, nth) => (nth === 1 ? 500 : 200)); // fails once per delivery
      await subscribe('owner', '/owner-letters', ['letter.issued', 'appeal.outcome']);
      await openCall('rogaland');
      await openCall('agder');
      await appendRecommendation(api.store, [recorded, published]);
      await appendLedger(api.store, 'ROGALAND', [
        decided(G1, 'ROGALAND', STAVANGER),
        amended(G1, 'ROGALAND'),
        decided(G2, 'ROGALAND', UIS, 'university'),
      ]);
      await appendLedger(api.store, 'AGDER', [decided(G3, 'AGDER', KRISTIANSAND)]);
      await appendGrant(api.store, G1, [
        paid(G1, 'ROGALAND', STAVANGER),
        reported(G1, 'ROGALAND', STAVANGER),
        claimed(G1, 'ROGALAND', STAVANGER),
      ]);
      await appendGrant(api.store, G2, [paid(G2, 'ROGALAND', UIS)]);
      await appendLedger(api.store, 'ROGALAND', [revoked(G1, 'ROGALAND', STAVANGER)]);
      // R23: the owner's appeal of its grant (upheld by the governor, forwarded, upheld by Udir); Sandnes appeals
      // UiS's grant and Kristiansand its own in Agder: none of the owner's.
      const own = lodged(G1, 'ROGALAND', STAVANGER, STAVANGER);
      await appendAppeal(api.store, own.data.appealId, [
        own,
        reconsidered(own.data.appealId, 'ROGALAND', 'upheld'),
        forwarded(own.data.appealId, 'ROGALAND'),
        decidedByUdir(own.data.appealId, 'ROGALAND'),
      ]);
      const sandnes = lodged(G2, 'ROGALAND', UIS, SANDNES);
      await appendAppeal(api.store, sandnes.data.appealId, [sandnes, reconsidered(sandnes.data.appealId, 'ROGALAND', 'reversed')]);
      const agder = lodged(G3, 'AGDER', KRISTIANSAND, KRISTIANSAND);
      lastEvent = await appendAppeal(api.store, agder.data.appealId, [agder, reconsidered(agder.data.appealId, 'AGDER', 'upheld')]);
    });

    it('a school owner receives each subscribed kind once, signed, and nothing of another office or organisation', async () => {
      await receiver.waitFor(() => ids('/owner').size >= 8, '8 deliveries to the owner');
      await new Promise((r) => setTimeout(r, 400));
      const got = receiver.at('/owner');
      expect(got).toHaveLength(8);
      expect(kindsAt('/owner')).toEqual([
        'call.opened',
        'grant.decided',
        'grant.decided',
        'grant.decided',
        'payment.recorded',
        'recommendation.published',
        'repayment.claimed',
        'report.submitted',
      ]);
      for (const r of got) {
        expect(verifySignature(r.raw, r.signature, subs['/owner'].secret)).toBe(true);
        expect(r.body.deliveryId).toBe(r.deliveryId);
        expect(r.body.data.office).toBe('ROGALAND');
        expect(typeof r.body.position).toBe('number');
        expect(new Date(r.body.occurredAt).toISOString()).toBe(r.body.occurredAt);
      }
      expect(
        got
          .filter((r) => r.body.kind === 'grant.decided')
          .map((r) => r.body.event)
          .sort(),
      ).toEqual(['AllocationAmended', 'AllocationDecided', 'AllocationRevoked']);
      expect(got.some((r) => r.body.data.grantId === G2 || r.body.data.grantId === G3)).toBe(false);
      expect(verifySignature(got[0].raw, got[0].signature, subs['/rogaland'].secret)).toBe(false);
    });

    it('a subscriber of letter.issued and appeal.outcome gets each letter of its grant and each outcome of its appeal once, across a failure', async () => {
      await receiver.waitFor(() => receiver.at('/owner-letters').length >= 12, '6 deliveries × 2 attempts to the owner');
      await new Promise((r) => setTimeout(r, 400));
      const got = receiver.at('/owner-letters');
      expect(got).toHaveLength(12);
      const once = [...new Map(got.map((r) => [r.deliveryId, r.body])).values()].sort((a, b) => a.position - b.position);
      expect(once.map((b) => [b.kind, b.event])).toEqual([
        ['letter.issued', 'AllocationDecided'],
        ['letter.issued', 'AllocationAmended'],
        ['letter.issued', 'RepaymentClaimed'],
        ['letter.issued', 'AllocationRevoked'],
        ['appeal.outcome', 'AppealReconsidered'],
        ['appeal.outcome', 'AppealDecided'],
      ]);
      expect(got.every((r) => verifySignature(r.raw, r.signature, subs['/owner-letters'].secret))).toBe(true);
      const letters = once.filter((b) => b.kind === 'letter.issued').map((b) => b.data);
      const kinds = ['decision', 'amendment', 'repayment_claim', 'revocation'];
      expect(letters).toEqual(
        kinds.map((letterKind, i) => ({
          grantId: G1,
          office: 'ROGALAND',
          recipientOrg: STAVANGER,
          n: i + 1,
          letterKind,
          link: `/grants/${G1}/letters/${i + 1}`,
        })),
      );
      // The link is the letter: the grant's letters, as its own route numbers them.
      const listed = await api.get(`/grants/${G1}/letters?minPosition=${lastEvent}`, t.owner);
      expect(listed.body.map((l: { n: number; kind: string }) => [l.n, l.kind])).toEqual(kinds.map((k, i) => [i + 1, k]));
      expect(once.filter((b) => b.kind === 'appeal.outcome').map((b) => b.data)).toEqual([
        expect.objectContaining({ grantId: G1, appellantOrg: STAVANGER, recipientOrg: STAVANGER, outcome: 'upheld', office: 'ROGALAND' }),
        expect.objectContaining({ grantId: G1, appellantOrg: STAVANGER, by: 'UDIR', outcome: 'upheld' }),
      ]);
    });

    it('a governor gets its office only; the ministry what its scope names', async () => {
      await receiver.waitFor(() => ids('/agder').size >= 2 && ids('/ministry-agder').size >= 1, 'Agder deliveries');
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.at('/agder').map((r) => [r.body.kind, r.body.data.office])).toEqual([
        ['call.opened', 'AGDER'],
        ['grant.decided', 'AGDER'],
      ]);
      expect(receiver.at('/ministry-agder').map((r) => [r.body.kind, r.body.data.callId])).toEqual([['call.opened', 'agder-dekomp-2027']]);
    });

    it('a receiver failing (500) then recovering gets every delivery, each retried with the same id, every attempt recorded', async () => {
      await receiver.waitFor(() => receiver.at('/rogaland').length >= 30, '10 deliveries × 3 attempts to Rogaland');
      const byId = new Map<string, string[]>();
      for (const r of receiver.at('/rogaland')) byId.set(r.deliveryId, [...(byId.get(r.deliveryId) ?? []), r.raw]);
      expect(byId.size).toBe(10);
      for (const raws of byId.values()) {
        expect(raws).toHaveLength(3);
        expect(new Set(raws).size).toBe(1);
        expect(verifySignature(raws[0], receiver.at('/rogaland').find((r) => r.raw === raws[0])!.signature, subs['/rogaland'].secret)).toBe(
          true,
        );
      }
      expect(receiver.at('/rogaland').some((r) => r.body.data.office === 'AGDER')).toBe(false);
      const [first] = byId.keys();
      const one = await read(`/webhooks/${subs['/rogaland'].id}/deliveries/${first}`, 'rogaland');
      expect(one.body).toMatchObject({ deliveryId: first, status: 'delivered', attempts: 3, lastStatusCode: 200 });
      expect(one.body.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
      expect(one.body.attemptLog[0]).toMatchObject({ attempt: 1, error: 'HTTP 500' });
    });

    it('a receiver that never answers 2xx: dead letters after 4 attempts, replayed with the same delivery id', async () => {
      const dead = async () =>
        (await read(`/webhooks/${subs['/uis'].id}/dead-letters`, 'uis')).body as Array<{
          deliveryId: string;
          kind: string;
          attempts: number;
          lastStatusCode: number;
        }>;
      await receiver.waitFor(() => receiver.at('/uis').length >= 12, '3 deliveries × 4 attempts to UiS');
      let letters = await dead();
      for (let i = 0; letters.length < 3 && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 50));
        letters = await dead();
      }
      expect(letters.map((l) => l.kind).sort()).toEqual(['grant.decided', 'payment.recorded', 'recommendation.published']);
      expect(letters.every((l) => l.attempts === 4 && l.lastStatusCode === 500)).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.at('/uis')).toHaveLength(12);

      receiver.answer('/uis', () => 200);
      const target = letters[0].deliveryId;
      const replay = await api.post(`/webhooks/${subs['/uis'].id}/dead-letters/${target}/replay`, t.uis);
      expect(replay.status).toBe(202);
      expect(replay.body).toEqual({ deliveryId: target, status: 'pending' });
      await receiver.waitFor(() => receiver.at('/uis').length === 13, 'the replayed delivery');
      expect(receiver.at('/uis')[12].deliveryId).toBe(target);
      expect(verifySignature(receiver.at('/uis')[12].raw, receiver.at('/uis')[12].signature, subs['/uis'].secret)).toBe(true);
      for (let i = 0; (await dead()).length !== 2 && i < 100; i++) await new Promise((r) => setTimeout(r, 25));
      expect((await dead()).map((l) => l.deliveryId)).not.toContain(target);
      expect((await api.post(`/webhooks/${subs['/uis'].id}/dead-letters/${target}/replay`, t.uis)).status).toBe(409);
      expect((await api.post(`/webhooks/${subs['/uis'].id}/dead-letters/${letters[1].deliveryId}/replay`, t.owner)).status).toBe(404);
    });
  });

  describe('change, pause and delete', () => {
    it('pause: ETag moves, a stale If-Match is 412; while paused nothing is queued; resume', async () => {
      const id = subs['/agder'].id;
      const pause = await api.post(`/webhooks/${id}/pause`, t.agder);
      expect(pause.status).toBe(200);
      expect(pause.headers.get('etag')).toBe('"2"');
      last = pause.body.position;
      expect((await read(`/webhooks/${id}`, 'agder')).body.status).toBe('paused');
      const stale = await api.request('PATCH', `/webhooks/${id}`, {
        token: t.agder,
        body: { kinds: ['call.opened'] },
        headers: { 'If-Match': '"1"' },
      });
      expect(stale.status).toBe(412);
      await openCall('agder', 'REKOMP', 2027);
      const resume = await api.post(`/webhooks/${id}/resume`, t.agder);
      expect(resume.headers.get('etag')).toBe('"3"');
      await new Promise((r) => setTimeout(r, 300));
      expect(ids('/agder').size).toBe(2);
      const change = await api.request('PATCH', `/webhooks/${id}`, {
        token: t.agder,
        body: { kinds: ['call.opened'] },
        headers: { 'If-Match': '"3"' },
      });
      expect(change.status).toBe(200);
      await api.expectNewEvents(resume.body.position, ['WebhookChanged']);
    });
  });

  describe('a restart mid-delivery', () => {
    it('deliveries out when the service stops are sent again by the next one, with the same ids', async () => {
      let phase: 'before' | 'after' = 'before';
      receiver.answer('/slow', () => (phase === 'before' ? 'hold' : 200));
      await subscribe('ministry', '/slow', ['call.opened']);
      await openCall('rogaland', 'DEKOMP', 2028);
      await openCall('rogaland', 'REKOMP', 2028);
      await receiver.waitFor(() => receiver.at('/slow').length === 2, 'two held deliveries');
      const handle = api.handle;
      await api.close();
      phase = 'after';
      api = await startTestApi(backend, {}, { reuse: handle, keep: true });
      await receiver.waitFor(() => receiver.at('/slow').length >= 4, 'the held deliveries again');
      await new Promise((r) => setTimeout(r, 400));
      const slow = receiver.at('/slow');
      expect(slow).toHaveLength(4);
      const idsByPosition = new Map<number, Set<string>>();
      for (const r of slow) idsByPosition.set(r.body.position, (idsByPosition.get(r.body.position) ?? new Set()).add(r.deliveryId));
      expect(idsByPosition.size).toBe(2);
      for (const s of idsByPosition.values()) expect(s.size).toBe(1);
      expect(slow.every((r) => verifySignature(r.raw, r.signature, subs['/slow'].secret))).toBe(true);
      // Nothing lost: the owner (calls of its office) has the two new calls too; and across every receiver, one
      // event reached one subscription under one delivery id only, however often it was sent.
      await receiver.waitFor(() => ids('/owner').size === 10, 'the new calls at the owner');
      const perEvent = new Map<string, Set<string>>();
      for (const r of receiver.received)
        perEvent.set(`${r.path} ${r.body.position}`, (perEvent.get(`${r.path} ${r.body.position}`) ?? new Set()).add(r.deliveryId));
      expect([...perEvent.values()].every((s) => s.size === 1)).toBe(true);
      expect(new Set(receiver.received.map((r) => r.deliveryId)).size).toBe(perEvent.size);
      expect((await api.get('/webhooks', t.ministry)).body).toHaveLength(2);
    });
  });
});
