import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { Partnership, partnershipIdOf } from '../partnership.aggregate.js';
import { answeringUniversity, MeasureFactsLookup } from '../partnership.facts.js';

export class AddSubcontractorCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly measureId: string,
    readonly input: { orgNumber: string; name: string; sharePercent: number; task: string },
  ) {}
}

@CommandHandler(AddSubcontractorCommand)
export class AddSubcontractorHandler implements ICommandHandler<AddSubcontractorCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: MeasureFactsLookup,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  async execute({ meta, measureId, input }: AddSubcontractorCommand) {
    const university = answeringUniversity(meta.actor);
    const measure = await this.facts.measure(measureId, university);
    const org = await this.directory.get(input.orgNumber);
    const subcontractor = {
      orgNumber: input.orgNumber,
      name: input.name,
      kind: org?.kind ?? null,
      sharePercent: input.sharePercent,
      task: input.task,
    };
    return this.runner.run(
      Partnership,
      partnershipIdOf(measureId, university),
      { type: 'AddSubcontractor', university, measure, subcontractor },
      meta,
      { resourceId: `${measureId}:${university}`, created: false },
    );
  }
}
