import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter, NeedsAssessmentFacts } from '../needs-assessment.facts.js';

export class InviteNetworkOwnerCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
    readonly orgNumber: string,
  ) {}
}

@CommandHandler(InviteNetworkOwnerCommand)
export class InviteNetworkOwnerHandler implements ICommandHandler<InviteNetworkOwnerCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: NeedsAssessmentFacts,
  ) {}

  async execute({ meta, assessmentId, orgNumber }: InviteNetworkOwnerCommand) {
    assertWriter(meta.actor);
    const owner = await this.facts.org(orgNumber);
    return this.runner.run(NeedsAssessment, assessmentId, { type: 'InviteNetworkOwner', actor: meta.actor, orgNumber, owner }, meta);
  }
}
