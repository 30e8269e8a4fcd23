import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, ORGANISATION_DIRECTORY, type OrganisationDirectory } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import type { MemberCategory } from '../categories.js';
import { assertGovernsForum } from '../forum-access.js';
import { Forum } from '../forum.aggregate.js';

export class AddForumMemberCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly forumId: string,
    readonly input: { orgNumber?: string; name?: string; category: MemberCategory; joinedOn: string },
  ) {}
}

const ACTION = 'fixes the forum membership (R11)';

@CommandHandler(AddForumMemberCommand)
export class AddForumMemberHandler implements ICommandHandler<AddForumMemberCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  async execute({ meta, forumId, input }: AddForumMemberCommand) {
    AccessPolicy.governorOffice(meta.actor, ACTION);
    const organisation = input.orgNumber ? await this.directory.get(input.orgNumber) : null;
    return this.runner.run(
      Forum,
      forumId,
      (state) => {
        assertGovernsForum(meta.actor, forumId, state, ACTION);
        return {
          type: 'AddForumMember' as const,
          orgNumber: input.orgNumber ?? null,
          name: input.name ?? null,
          category: input.category,
          joinedOn: input.joinedOn,
          organisation,
        };
      },
      meta,
      { extra: (state) => ({ memberId: state.members[state.members.length - 1].memberId }) },
    );
  }
}
