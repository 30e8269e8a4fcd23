import { Injectable } from '@nestjs/common';
import type { PartnershipRow, PartnershipStatusPort } from '#libs/kernel';
import { CommandRunner, ReadModels } from '#libs/platform';
import { Partnership, partnershipIdOf } from '../partnership.aggregate.js';

/** PARTNERSHIP_STATUS for the needs-assessment side: commands read the streams, queries the read model. */
@Injectable()
export class PartnershipStatus implements PartnershipStatusPort {
  constructor(
    private readonly runner: CommandRunner,
    private readonly readModels: ReadModels,
  ) {}

  async declined(pairs: Array<{ measureId: string; university: string }>): Promise<string[]> {
    const states = await Promise.all(
      pairs.map(async (p) => ({
        key: `${p.measureId}:${p.university}`,
        s: (await this.runner.load(Partnership, partnershipIdOf(p.measureId, p.university))).state,
      })),
    );
    return states.filter((x) => x.s.status === 'declined').map((x) => x.key);
  }

  forMeasures(measureIds: string[], asOf?: number): Promise<PartnershipRow[]> {
    if (measureIds.length === 0) return Promise.resolve([]);
    return this.readModels.run(
      ['partnerships'],
      asOf,
      async (sql) =>
        (
          await sql.query<PartnershipRow>(
            `SELECT measure_id AS "measureId", university_org AS university, status, reason FROM pt_partnerships WHERE measure_id = ANY($1::text[]) ORDER BY answered_at`,
            [measureIds],
          )
        ).rows,
    );
  }
}
