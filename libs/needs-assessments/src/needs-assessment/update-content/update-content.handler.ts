import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter } from '../needs-assessment.facts.js';
import type { AssessmentContent } from '../needs-assessment.types.js';

export class UpdateContentCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string,
    readonly content: AssessmentContent,
  ) {}
}

@CommandHandler(UpdateContentCommand)
export class UpdateContentHandler implements ICommandHandler<UpdateContentCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, assessmentId, content }: UpdateContentCommand) {
    assertWriter(meta.actor);
    return this.runner.run(NeedsAssessment, assessmentId, { type: 'UpdateContent', actor: meta.actor, content }, meta);
  }
}
