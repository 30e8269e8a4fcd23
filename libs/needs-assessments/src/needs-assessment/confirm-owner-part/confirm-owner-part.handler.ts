import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter } from '../needs-assessment.facts.js';

export class ConfirmOwnerPartCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
  ) {}
}

@CommandHandler(ConfirmOwnerPartCommand)
export class ConfirmOwnerPartHandler implements ICommandHandler<ConfirmOwnerPartCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, assessmentId }: ConfirmOwnerPartCommand) {
    assertWriter(meta.actor);
    return this.runner.run(NeedsAssessment, assessmentId, { type: 'ConfirmOwnerPart', actor: meta.actor }, meta);
  }
}
