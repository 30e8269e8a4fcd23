import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter } from '../needs-assessment.facts.js';

export class WithdrawCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
    readonly reason: string,
  ) {}
}

@CommandHandler(WithdrawCommand)
export class WithdrawHandler implements ICommandHandler<WithdrawCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, assessmentId, reason }: WithdrawCommand) {
    assertWriter(meta.actor);
    return this.runner.run(NeedsAssessment, assessmentId, { type: 'Withdraw', actor: meta.actor, reason }, meta, { reason });
  }
}
