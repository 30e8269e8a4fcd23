import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertUdir } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class ExtendReportDeadlineCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly year: number,
    readonly input: { deadline: string; reason: string },
  ) {}
}

@CommandHandler(ExtendReportDeadlineCommand)
export class ExtendReportDeadlineHandler implements ICommandHandler<ExtendReportDeadlineCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, year, input }: ExtendReportDeadlineCommand) {
    assertUdir(meta.actor, "extends a county's report deadline (R26)");
    return this.runner.run(
      YrkesfagFrame,
      county,
      { type: 'ExtendReportDeadline', year, deadline: input.deadline, reason: input.reason },
      meta,
      { reason: input.reason, retryOnConflict: true },
    );
  }
}
