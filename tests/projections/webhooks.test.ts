import { migrate } from '#libs/db';
import { deliveryIdOf, notificationsMigrations, webhooksProjection } from '#libs/notifications';
import { createTestDatabase, testBackends, type BackendName, type TestDatabase } from '../support/backends.js';
import { projectionSpec, storedEvents, type GivenEvent } from '../support/projection-spec.js';

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
  });
});
