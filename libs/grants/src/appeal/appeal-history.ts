import { Inject, Injectable } from '@nestjs/common';
import { MEASURE_CATALOG, type MeasureCatalog } from '#libs/kernel';
import { CommandRunner, ReadModels, type HistoryEntry } from '#libs/platform';
import { FrameLedger, ledgerIdOf } from '../frame-ledger/frame-ledger.aggregate.js';
import { Grant } from '../grant/grant.aggregate.js';
import { positioned } from '../letters/grant-letters/grant-letters.service.js';
import { grantLetterSteps } from '../letters/model/grant-steps.js';
import { grantIdParts } from '../common/grant-id.js';
import { Appeal, appealIdOf } from './appeal.aggregate.js';

const remedyOf = (h: HistoryEntry) => (h.data as { remedy?: { grantId: string } | null }).remedy?.grantId;

/**
 * R23: the appeal steps about a grant, for its history, from the appeal streams themselves (no read model): an
 * appeal's id is its grant, letter and appellant, so the candidates are the grant's letters × its recipient and the
 * measure's owners, and — for a reversal that changed this grant — the letters of the measure's other grants
 * appealed by this grant's recipient.
 */
@Injectable()
export class AppealHistory {
  constructor(
    private readonly runner: CommandRunner,
    private readonly readModels: ReadModels,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
  ) {}

  async forGrant(grantId: string, asOf?: number): Promise<HistoryEntry[]> {
    const { office, scheme, measureId, recipientOrg } = grantIdParts(grantId);
    const ledger = positioned(await this.runner.load(FrameLedger, ledgerIdOf(office, scheme), asOf));
    const siblings = [
      ...new Set(
        ledger.flatMap(({ event: e }) => (e.type === 'AllocationDecided' && e.data.measureId === measureId ? [e.data.grantId] : [])),
      ),
    ];
    const owners = new Set([recipientOrg, ...((await this.catalog.get(measureId))?.owners ?? [])]);
    const entries: HistoryEntry[] = [];
    for (const g of siblings) {
      const letters = grantLetterSteps(g, ledger, positioned(await this.runner.load(Grant, g, asOf)));
      const appellants = g === grantId ? [...owners] : [recipientOrg];
      for (const n of letters.map((l) => l.n)) {
        for (const org of appellants) {
          const history = await this.readModels.history(Appeal.streamOf(appealIdOf(g, n, org)), asOf);
          if (g === grantId || history.some((h) => remedyOf(h) === grantId)) entries.push(...history);
        }
      }
    }
    return entries;
  }
}
