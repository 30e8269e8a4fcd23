import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertGovernsForum } from '../forum-access.js';
import { Forum } from '../forum.aggregate.js';

export class RecordForumMeetingCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly forumId: string,
    readonly input: { date: string; agenda: string[]; minutesSummary: string; presentMemberIds: string[] },
  ) {}
}

const ACTION = "records the forum's meetings";

@CommandHandler(RecordForumMeetingCommand)
export class RecordForumMeetingHandler implements ICommandHandler<RecordForumMeetingCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, forumId, input }: RecordForumMeetingCommand) {
    AccessPolicy.governorOffice(meta.actor, ACTION);
    return this.runner.run(
      Forum,
      forumId,
      (state) => {
        assertGovernsForum(meta.actor, forumId, state, ACTION);
        return {
          type: 'RecordForumMeeting' as const,
          date: input.date,
          agenda: input.agenda,
          minutesSummary: input.minutesSummary,
          presentMemberIds: input.presentMemberIds,
        };
      },
      meta,
      { extra: (state) => ({ meetingId: state.meetings[state.meetings.length - 1].meetingId }) },
    );
  }
}
