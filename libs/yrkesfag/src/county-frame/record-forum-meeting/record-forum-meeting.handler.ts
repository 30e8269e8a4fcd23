import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertCounty } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class RecordCountyForumMeetingCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly input: { date: string; agenda: string[]; minutesSummary: string; presentMemberIds: string[] },
  ) {}
}

@CommandHandler(RecordCountyForumMeetingCommand)
export class RecordCountyForumMeetingHandler implements ICommandHandler<RecordCountyForumMeetingCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, input }: RecordCountyForumMeetingCommand) {
    assertCounty(meta.actor, county, 'records its YRKESFAG forum meetings (R24)');
    const command = {
      type: 'RecordCountyForumMeeting' as const,
      date: input.date,
      agenda: input.agenda,
      minutesSummary: input.minutesSummary,
      present: input.presentMemberIds,
    };
    return this.runner.run(YrkesfagFrame, county, command, meta, {
      retryOnConflict: true,
      extra: (state) => ({ meetingId: `MT${state.meetings}` }),
    });
  }
}
