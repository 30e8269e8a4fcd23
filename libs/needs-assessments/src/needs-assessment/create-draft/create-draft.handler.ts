import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { NeedsAssessment } from '../needs-assessment.aggregate.js';
import { assertWriter, NeedsAssessmentFacts } from '../needs-assessment.facts.js';

export class CreateDraftCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: { callId: string; title: string; summary?: string },
  ) {}
}

@CommandHandler(CreateDraftCommand)
export class CreateDraftHandler implements ICommandHandler<CreateDraftCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: NeedsAssessmentFacts,
  ) {}

  async execute({ meta, input }: CreateDraftCommand) {
    assertWriter(meta.actor);
    const id = randomUUID();
    // Independent lookups, side by side; the new id's stream cannot exist yet, so it is not loaded.
    const [call, lead] = await Promise.all([this.facts.call(input.callId), this.facts.org(meta.actor.org)]);
    return this.runner.run(
      NeedsAssessment,
      id,
      { type: 'CreateDraft', assessmentId: id, actor: meta.actor, call, lead, title: input.title, summary: input.summary ?? '' },
      meta,
      { newStream: true },
    );
  }
}
