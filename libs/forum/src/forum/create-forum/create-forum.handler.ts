import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, ReadModels, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { officeByCode } from '#libs/reference-data';
import { countiesTakenByOtherForums } from '../../read-model/forums/counties-taken.js';
import { Forum, forumIdOf } from '../forum.aggregate.js';

export class CreateForumCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: { name: string; counties: string[] },
  ) {}
}

@CommandHandler(CreateForumCommand)
export class CreateForumHandler implements ICommandHandler<CreateForumCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ meta, input }: CreateForumCommand) {
    const office = AccessPolicy.governorOffice(meta.actor, 'creates forums');
    const officeCounties = officeByCode(office)?.countyNumbers ?? [];
    const forumId = forumIdOf(office, input.counties);
    const countiesTaken = await countiesTakenByOtherForums(this.readModels, office, forumId);
    return this.runner.run(
      Forum,
      forumId,
      { type: 'CreateForum', forumId, office, name: input.name, counties: input.counties, officeCounties, countiesTaken },
      meta,
    );
  }
}
