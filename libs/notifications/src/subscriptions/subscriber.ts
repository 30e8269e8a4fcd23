import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ORGANISATION_DIRECTORY, type Actor, type OrganisationDirectory } from '#libs/kernel';
import type { CommandMeta, CommandOutcome, CommandRunner } from '#libs/platform';
import type { Subscriber } from '../audience/audience.js';
import {
  liveSubscription,
  WebhookSubscriptions,
  type WebhookCommand,
  type WebhookSubscriptionsState,
} from './webhook-subscriptions.aggregate.js';

/** The subscriber an actor is: a governor's office, or an organisation's own office from the directory (R19). */
@Injectable()
export class SubscriberLookup {
  constructor(@Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory) {}

  async of(actor: Actor): Promise<Subscriber> {
    switch (actor.role) {
      case 'ministry':
        return { role: 'ministry', org: actor.org, office: null, homeOffice: null };
      case 'governor':
        return { role: 'governor', org: actor.org, office: actor.office ?? null, homeOffice: actor.office ?? null };
      default:
        return { role: actor.role, org: actor.org, office: null, homeOffice: (await this.directory.get(actor.org))?.office ?? null };
    }
  }
}

/** A subscription's ETag: its own changes. */
export const subscriptionVersion = (id: string) => (state: WebhookSubscriptionsState) => state.subscriptions[id]?.changes ?? 0;

/**
 * Runs a command on one of the actor's own subscriptions (the stream of the actor's org: another subscriber's id
 * is simply not found there). An unknown id is a 404 before If-Match is looked at.
 */
export function runOnSubscription(runner: CommandRunner, meta: CommandMeta, id: string, command: WebhookCommand): Promise<CommandOutcome> {
  return runner.run(
    WebhookSubscriptions,
    meta.actor.org,
    (state) => {
      if (!liveSubscription(state, id)) throw new NotFoundError('webhook', id);
      return command;
    },
    meta,
    { resourceId: id, resourceVersion: subscriptionVersion(id) },
  );
}
