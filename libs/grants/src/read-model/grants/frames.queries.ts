import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, type Actor, type Scheme } from '#libs/kernel';
import { Page, historyPage, type PageRequest } from '#libs/http';
import { ReadModels, type HistoryEntry } from '#libs/platform';
import { FrameLedger, ledgerIdOf } from '../../frame-ledger/frame-ledger.aggregate.js';
import { framesPage, RM } from './grants.read.js';
import type { FrameView } from './grants.view.js';

export class ListFrames {
  constructor(
    readonly actor: Actor,
    readonly filter: { office?: string; scheme?: Scheme; year?: number },
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetFrameLedgerHistory {
  constructor(
    readonly actor: Actor,
    readonly office: string,
    readonly scheme: Scheme,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

/** R20: the ministry sees every office; a governor its own; nobody else sees frames. */
export function officeScope(actor: Actor, office: string | undefined): string | undefined {
  AccessPolicy.assertRole(actor, ['ministry', 'governor'], 'see frames and overviews');
  if (actor.role === 'ministry') return office;
  if (office !== undefined) AccessPolicy.assertGovernorOf(actor, office, 'sees frames', `Office ${office}`);
  return actor.office;
}

@QueryHandler(ListFrames)
export class ListFramesHandler implements IQueryHandler<ListFrames, Page<FrameView>> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, page, asOf }: ListFrames) {
    const office = officeScope(actor, filter.office);
    const { scheme, year } = filter;
    return this.readModels.run(RM, asOf, (sql) => framesPage(sql, { scheme, year, office }, page));
  }
}

@QueryHandler(GetFrameLedgerHistory)
export class GetFrameLedgerHistoryHandler implements IQueryHandler<GetFrameLedgerHistory, Page<HistoryEntry>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, office, scheme, page, asOf }: GetFrameLedgerHistory) {
    officeScope(actor, office);
    const stream = FrameLedger.streamOf(ledgerIdOf(office, scheme));
    return historyPage(await this.readModels.existingHistory('frame ledger', `${office} ${scheme}`, stream, asOf), page);
  }
}
