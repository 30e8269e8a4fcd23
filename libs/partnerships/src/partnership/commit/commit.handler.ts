import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { Partnership, partnershipIdOf } from '../partnership.aggregate.js';
import { answeringUniversity, MeasureFactsLookup } from '../partnership.facts.js';

export class CommitCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly measureId: string,
    readonly input: { competenceAreas: string[]; capacityHoursPerYear: number; fromYear: number; toYear: number; contactRole: string },
  ) {}
}

@CommandHandler(CommitCommand)
export class CommitHandler implements ICommandHandler<CommitCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: MeasureFactsLookup,
  ) {}

  async execute({ meta, measureId, input }: CommitCommand) {
    const university = answeringUniversity(meta.actor);
    const measure = await this.facts.measure(measureId, university);
    return this.runner.run(
      Partnership,
      partnershipIdOf(measureId, university),
      { type: 'CommitPartnership', university, measure, ...input },
      meta,
      { resourceId: `${measureId}:${university}`, created: false },
    );
  }
}
