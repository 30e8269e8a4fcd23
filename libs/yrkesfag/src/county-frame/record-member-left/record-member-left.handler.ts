import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertCounty } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class RecordCountyMemberLeftCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly memberId: string,
    readonly input: { leftOn: string; reason: string },
  ) {}
}

@CommandHandler(RecordCountyMemberLeftCommand)
export class RecordCountyMemberLeftHandler implements ICommandHandler<RecordCountyMemberLeftCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, memberId, input }: RecordCountyMemberLeftCommand) {
    assertCounty(meta.actor, county, 'fixes its YRKESFAG forum (R24)');
    return this.runner.run(YrkesfagFrame, county, { type: 'RecordCountyMemberLeft', memberId, ...input }, meta, {
      reason: input.reason,
      retryOnConflict: true,
    });
  }
}
