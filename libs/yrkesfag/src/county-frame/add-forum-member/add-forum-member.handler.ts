import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertCounty } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';
import type { ForumCategory } from '../reference.js';

export class AddCountyForumMemberCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly input: { orgNumber?: string; name: string; category: ForumCategory; joinedOn: string },
  ) {}
}

@CommandHandler(AddCountyForumMemberCommand)
export class AddCountyForumMemberHandler implements ICommandHandler<AddCountyForumMemberCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, input }: AddCountyForumMemberCommand) {
    assertCounty(meta.actor, county, 'fixes its YRKESFAG forum (R24)');
    return this.runner.run(
      YrkesfagFrame,
      county,
      {
        type: 'AddCountyForumMember',
        orgNumber: input.orgNumber ?? null,
        name: input.name,
        category: input.category,
        joinedOn: input.joinedOn,
      },
      meta,
      {
        retryOnConflict: true,
        extra: (state) => ({ memberId: state.members[state.members.length - 1].memberId }),
      },
    );
  }
}
