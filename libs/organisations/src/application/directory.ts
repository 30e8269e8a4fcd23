import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#libs/event-store';
import type { Organisation, OrganisationDirectory } from '#libs/kernel';
import { EVENT_STORE, fold } from '#libs/platform';
import { organisationDecider, organisationStream, type OrganisationEvent } from '../domain/organisation.decider.js';

/**
 * The organisation directory for command handlers: folds each organisation's own stream, so a command sees
 * an organisation registered a moment before (no read-model lag).
 */
@Injectable()
export class StreamOrganisationDirectory implements OrganisationDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(orgNumber: string): Promise<Organisation | null> {
    if (!/^\d{9}$/.test(orgNumber)) return null;
    const events = await this.store.readStream(organisationStream(orgNumber));
    return fold(organisationDecider, events.map((e) => ({ type: e.type, data: e.data }) as OrganisationEvent));
  }

  async getMany(orgNumbers: string[]): Promise<Map<string, Organisation>> {
    const unique = [...new Set(orgNumbers)];
    const found = await Promise.all(unique.map((o) => this.get(o)));
    return new Map(found.filter((o): o is Organisation => o !== null).map((o) => [o.orgNumber, o]));
  }
}
