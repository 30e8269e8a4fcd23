import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, type Actor, type Scheme } from '#libs/kernel';
import { ReadModels, type HistoryEntry } from '#libs/platform';
import { FrameLedger, ledgerIdOf } from '../../frame-ledger/frame-ledger.aggregate.js';
import { frames, RM } from './grants.read.js';
import type { FrameView } from './grants.view.js';

export class ListFrames {
  constructor(
    readonly actor: Actor,
    readonly filter: { office?: string; scheme?: Scheme; year?: number },
    readonly asOf?: number,
  ) {}
}
export class GetFrameLedgerHistory {
  constructor(
    readonly actor: Actor,
    readonly office: string,
    readonly scheme: Scheme,
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
export class ListFramesHandler implements IQueryHandler<ListFrames, FrameView[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ actor, filter, asOf }: ListFrames) {
    const office = officeScope(actor, filter.office);
    return this.readModels.run(RM, asOf, (sql) => frames(sql, { ...filter, office }));
  }
}

@QueryHandler(GetFrameLedgerHistory)
export class GetFrameLedgerHistoryHandler implements IQueryHandler<GetFrameLedgerHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, office, scheme, asOf }: GetFrameLedgerHistory) {
    officeScope(actor, office);
    return this.readModels.existingHistory('frame ledger', `${office} ${scheme}`, FrameLedger.streamOf(ledgerIdOf(office, scheme)), asOf);
  }
}
