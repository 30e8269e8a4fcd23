import { Injectable } from '@nestjs/common';
import type { Organisation as OrganisationInfo, OrganisationDirectory } from '#libs/kernel';
import { CommandRunner } from '#libs/platform';
import { Organisation } from '../organisation.aggregate.js';

/**
 * ORGANISATION_DIRECTORY: other capabilities see an organisation as its own stream holds it, so a command sees
 * an organisation registered a moment before (no read-model lag).
 */
@Injectable()
export class StreamOrganisationDirectory implements OrganisationDirectory {
  constructor(private readonly runner: CommandRunner) {}

  async get(orgNumber: string): Promise<OrganisationInfo | null> {
    if (!/^\d{9}$/.test(orgNumber)) return null;
    return (await this.runner.load(Organisation, orgNumber)).state;
  }

  async getMany(orgNumbers: string[]): Promise<Map<string, OrganisationInfo>> {
    const unique = [...new Set(orgNumbers)];
    const found = await Promise.all(unique.map((o) => this.get(o)));
    return new Map(found.filter((o): o is OrganisationInfo => o !== null).map((o) => [o.orgNumber, o]));
  }
}
