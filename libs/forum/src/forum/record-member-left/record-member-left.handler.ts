import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertGovernsForum } from '../forum-access.js';
import { Forum } from '../forum.aggregate.js';

export class RecordMemberLeftCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly forumId: string,
    readonly memberId: string,
    readonly input: { leftOn: string; reason: string },
  ) {}
}

const ACTION = 'fixes the forum membership (R11)';

@CommandHandler(RecordMemberLeftCommand)
export class RecordMemberLeftHandler implements ICommandHandler<RecordMemberLeftCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, forumId, memberId, input }: RecordMemberLeftCommand) {
    AccessPolicy.governorOffice(meta.actor, ACTION);
    return this.runner.run(
      Forum,
      forumId,
      (state) => {
        assertGovernsForum(meta.actor, forumId, state, ACTION);
        return { type: 'RecordMemberLeft' as const, memberId, leftOn: input.leftOn, reason: input.reason };
      },
      meta,
      { reason: input.reason },
    );
  }
}
