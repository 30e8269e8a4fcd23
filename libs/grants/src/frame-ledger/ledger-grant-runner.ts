import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import type { GrantState } from '../grant/grant.aggregate.js';
import { GrantFactsLoader, grantVersionOf } from '../grant/grant-facts.js';
import { grantIdParts } from '../common/grant-id.js';
import { FrameLedger, ledgerIdOf, type GrantCharge, type LedgerCommand } from './frame-ledger.aggregate.js';

/**
 * The path of a ledger command on one grant (amendment, revocation): R20 on the id, the decision and the grant's
 * stream, then the runner on the ledger with the grant's version (ledger changes + stream version) for If-Match.
 */
@Injectable()
export class LedgerGrantRunner {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: GrantFactsLoader,
  ) {}

  async run(
    meta: CommandMeta,
    grantId: string,
    action: string,
    command: (charge: GrantCharge, grant: GrantState) => LedgerCommand | Promise<LedgerCommand>,
    reason: string,
  ): Promise<CommandOutcome> {
    const { office, scheme } = grantIdParts(grantId);
    AccessPolicy.assertGovernorOf(meta.actor, office, action, 'This grant');
    const charge = await this.facts.charge(grantId);
    const grant = await this.facts.grant(grantId);
    const built = await command(charge, grant.state);
    return this.runner.run(FrameLedger, ledgerIdOf(office, scheme), built, meta, {
      resourceId: grantId,
      reason,
      resourceVersion: (state) => grantVersionOf(state.grants[grantId], grant.version),
    });
  }
}
