import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome, type RunOptions } from '#libs/platform';
import { grantIdParts } from '../common/grant-id.js';
import { Grant, type GrantCommand, type GrantEvent, type GrantFacts, type GrantState } from './grant.aggregate.js';
import { factsOf, GrantFactsLoader, grantVersionOf } from './grant-facts.js';

/** Who acts on a grant's stream (R20): the office's governor, or the recipient itself. */
export type GrantActor = 'governor' | 'recipient';

/**
 * The path of every command on a grant's own stream: R20 on the id, the decision from the ledger, then the
 * runner with the grant's version (ledger changes + stream version) as the version If-Match checks.
 */
@Injectable()
export class GrantCommandRunner {
  constructor(
    private readonly runner: CommandRunner,
    readonly facts: GrantFactsLoader,
  ) {}

  async run(
    meta: CommandMeta,
    grantId: string,
    actor: { by: GrantActor; action: string },
    command: (grant: GrantFacts) => GrantCommand | Promise<GrantCommand>,
    options: Pick<RunOptions<GrantState, GrantEvent>, 'reason' | 'extra'> = {},
  ): Promise<CommandOutcome> {
    const { office, recipientOrg } = grantIdParts(grantId);
    if (actor.by === 'governor') AccessPolicy.assertGovernorOf(meta.actor, office, actor.action, 'This grant');
    else AccessPolicy.assertActsFor(meta.actor, recipientOrg, actor.action);
    const charge = await this.facts.charge(grantId);
    const built = await command(factsOf(charge));
    // The grant exists since its decision: a first event on its own stream creates nothing (200, not 201).
    return this.runner.run(Grant, grantId, built, meta, {
      ...options,
      created: false,
      resourceVersion: (_, v) => grantVersionOf(charge, v),
    });
  }
}
