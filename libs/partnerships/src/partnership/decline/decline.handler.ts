import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { Partnership, partnershipIdOf, type DeclineReason } from '../partnership.aggregate.js';
import { answeringUniversity, MeasureFactsLookup } from '../partnership.facts.js';

export class DeclineCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly measureId: string,
    readonly input: { reason: DeclineReason; explanation: string },
  ) {}
}

@CommandHandler(DeclineCommand)
export class DeclineHandler implements ICommandHandler<DeclineCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: MeasureFactsLookup,
  ) {}

  async execute({ meta, measureId, input }: DeclineCommand) {
    const university = answeringUniversity(meta.actor);
    const measure = await this.facts.measure(measureId, university);
    return this.runner.run(
      Partnership,
      partnershipIdOf(measureId, university),
      { type: 'DeclinePartnership', university, measure, ...input },
      meta,
      { resourceId: `${measureId}:${university}`, created: false, reason: `${input.reason}: ${input.explanation}` },
    );
  }
}
