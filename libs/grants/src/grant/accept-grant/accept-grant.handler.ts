import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { GrantCommandRunner } from '../grant-command-runner.js';
import type { CoFinancingLine } from '../grant.aggregate.js';

export class AcceptGrantCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly input: { coFinancing: CoFinancingLine[] },
  ) {}
}

@CommandHandler(AcceptGrantCommand)
export class AcceptGrantHandler implements ICommandHandler<AcceptGrantCommand, CommandOutcome> {
  constructor(
    private readonly grants: GrantCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, grantId, input }: AcceptGrantCommand) {
    return this.grants.run(meta, grantId, { by: 'recipient', action: 'accepts its grant' }, (grant) => ({
      type: 'AcceptGrant',
      grant,
      coFinancing: input.coFinancing,
      today: this.clock.today(),
    }));
  }
}
