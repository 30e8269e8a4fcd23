import { migrate } from '#libs/db';
import { deliveryIdOf, notificationsMigrations, webhooksProjection } from '#libs/notifications';
import { createTestDatabase, testBackends, type BackendName, type TestDatabase } from '../support/backends.js';
import type { DomainEvent } from '#libs/platform';
import { projectionSpec, storedEvents, type GivenEvent } from '../support/projection-spec.js';
import { amended, claimed, decided, STAVANGER, UIS } from '../api/webhooks.fixture.js';

const backends = await testBackends('webhooks projection');
const S = 'WebhookSubscriptions-964965226';
const owner = { role: 'school_owner', org: '964965226', office: null, homeOffice: 'ROGALAND' };
const subscribed = (subscriptionId: string, kinds: string[], subscriber: object = owner): GivenEvent => ({
  type: 'WebhookSubscribed',
  streamId: S,
  data: {
    subscriptionId,
    subscriber,
    url: `https://hooks.example.org/${subscriptionId}`,
    kinds,
    scope: { office: null },
    secretVersion: 1,
  },
});
const call = (office: string): GivenEvent => ({
  type: 'CallOpened',
  streamId: `Call-${office}`,
  data: {
    callId: `${office.toLowerCase()}-dekomp-2027`,
    office,
    scheme: 'DEKOMP',
    year: 2027,
    title: 'x',
    deadline: '2027-02-01',
    decisionDate: '2027-04-30',
    ruleSetVersion: 'dekomp-2021.1',
  },
});

const G = 'ROGALAND.DEKOMP.m1.964965226';
const ledger = (e: DomainEvent): GivenEvent => ({ ...e, streamId: 'FrameLedger-ROGALAND.DEKOMP' });
const appeal = (type: string, data: object): GivenEvent => ({
  type,
  streamId: `Appeal-${G}.1.${UIS}`,
  data: { appealId: `${G}.1.${UIS}`, office: 'ROGALAND', ...data },
});

describe.each(backends)('webhooks read model on %s', (backend: BackendName) => {
  describe('subscriptions', () => {
    let spec: Awaited<ReturnType<typeof projectionSpec>>;
    beforeAll(async () => {
      spec = await projectionSpec(webhooksProjection, backend);
    });
    afterAll(async () => spec.close());

    it("a subscription's version counts its own events (its ETag); change, pause, delete", async () => {
      await spec
        .given([
          subscribed('a', ['call.opened']),
          subscribed('b', ['grant.decided']),
          {
            type: 'WebhookChanged',
            streamId: S,
            data: {
              subscriptionId: 'a',
              url: 'https://new.example.org/a',
              kinds: ['call.opened', 'grant.decided'],
              scope: { office: 'ROGALAND' },
            },
          },
          { type: 'WebhookPaused', streamId: S, data: { subscriptionId: 'a' } },
          { type: 'WebhookDeleted', streamId: S, data: { subscriptionId: 'b' } },
        ])
        .then(
          `SELECT subscription_id, url, kinds, scope_office, status, home_office, version FROM webhook_subscriptions ORDER BY subscription_id`,
          [],
          [
            {
              subscription_id: 'a',
              url: 'https://new.example.org/a',
              kinds: ['call.opened', 'grant.decided'],
              scope_office: 'ROGALAND',
              status: 'paused',
              home_office: 'ROGALAND',
              version: 3,
            },
            {
              subscription_id: 'b',
              url: 'https://hooks.example.org/b',
              kinds: ['grant.decided'],
              scope_office: null,
              status: 'deleted',
              home_office: 'ROGALAND',
              version: 2,
            },
          ],
        );
    });
  });

  describe('the outbox', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(backend);
      await migrate(db.client, notificationsMigrations);
    });
    afterAll(async () => db.drop());

    /** Applies the events in a fresh read-model schema, as a (re)build does; the outbox stays. */
    const build = (schema: string, events: GivenEvent[]) =>
      db.client.transaction(async (tx) => {
        await tx.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET LOCAL search_path TO ${schema}, public;`);
        await tx.exec(webhooksProjection.schema);
        for (const e of storedEvents(events)) if (webhooksProjection.handles.includes(e.type)) await webhooksProjection.apply(e, tx);
      });

    it('one row per event and subscription that may see it, from the subscription on; a rebuild writes the same ids', async () => {
      const events = [
        call('ROGALAND'),
        subscribed('a', ['call.opened']),
        subscribed('b', ['grant.decided']),
        call('AGDER'),
        call('ROGALAND'),
        { type: 'WebhookPaused', streamId: S, data: { subscriptionId: 'a' } },
        call('ROGALAND'),
      ];
      await build('rm_webhooks_one', events);
      const rows = async () =>
        (
          await db.client.query(
            `SELECT delivery_id, subscription_id, kind, event_type, position, status FROM webhook_deliveries ORDER BY position`,
          )
        ).rows;
      const stored = storedEvents(events);
      const expected = [
        {
          delivery_id: deliveryIdOf('a', stored[4].id),
          subscription_id: 'a',
          kind: 'call.opened',
          event_type: 'CallOpened',
          position: '5',
          status: 'pending',
        },
      ];
      expect(await rows()).toEqual(expected);
      await build('rm_webhooks_two', events);
      expect(await rows()).toEqual(expected);
    });

    it("R22: a grant event that made a letter is also letter.issued, under its own stable id, numbered as the grant's letters", async () => {
      const events = [
        subscribed('l', ['grant.decided', 'letter.issued', 'appeal.outcome']),
        ledger(amended('ROGALAND.DEKOMP.m9.964965226', 'ROGALAND')), // a grant never decided: no letter (nor a recipient)
        ledger(decided(G, 'ROGALAND', STAVANGER)),
        ledger(amended(G, 'ROGALAND')),
        { ...claimed(G, 'ROGALAND', STAVANGER), streamId: `Grant-${G}` },
        appeal('AppealLodged', { grantId: G, recipientOrg: STAVANGER, appellantOrg: UIS }),
        appeal('AppealReconsidered', { outcome: 'upheld' }),
      ];
      const rows = async () =>
        (
          await db.client.query<{ delivery_id: string; kind: string; event_type: string; position: string; data: Record<string, unknown> }>(
            `SELECT delivery_id, kind, event_type, position, data FROM webhook_deliveries WHERE subscription_id = 'l' ORDER BY position, kind`,
          )
        ).rows;
      await build('rm_webhooks_letters', events);
      const first = await rows();
      const stored = storedEvents(events);
      const letter = (n: number, letterKind: string) => ({
        grantId: G,
        office: 'ROGALAND',
        recipientOrg: STAVANGER,
        n,
        letterKind,
        link: `/grants/${G}/letters/${n}`,
      });
      expect(first.map((r) => [r.position, r.kind, r.event_type])).toEqual([
        ['3', 'grant.decided', 'AllocationDecided'],
        ['3', 'letter.issued', 'AllocationDecided'],
        ['4', 'grant.decided', 'AllocationAmended'],
        ['4', 'letter.issued', 'AllocationAmended'],
        ['5', 'letter.issued', 'RepaymentClaimed'],
        ['7', 'appeal.outcome', 'AppealReconsidered'],
      ]);
      expect(first.filter((r) => r.kind === 'letter.issued').map((r) => r.data)).toEqual([
        letter(1, 'decision'),
        letter(2, 'amendment'),
        letter(3, 'repayment_claim'),
      ]);
      expect(first[0].delivery_id).toBe(deliveryIdOf('l', stored[2].id));
      expect(first[1].delivery_id).toBe(deliveryIdOf('l', `${stored[2].id}:letter.issued`));
      expect(first.at(-1)!.data).toMatchObject({ appealId: `${G}.1.${UIS}`, outcome: 'upheld', grantId: G, appellantOrg: UIS });
      await build('rm_webhooks_letters_again', events);
      expect(await rows()).toEqual(first);
    });
  });
});
