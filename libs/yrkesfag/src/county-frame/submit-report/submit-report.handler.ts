import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertCounty } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class SubmitReportCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly year: number,
    readonly input: { evaluation: string },
  ) {}
}

@CommandHandler(SubmitReportCommand)
export class SubmitReportHandler implements ICommandHandler<SubmitReportCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, county, year, input }: SubmitReportCommand) {
    assertCounty(meta.actor, county, 'reports its use of the YRKESFAG money to Udir (R24)');
    return this.runner.run(
      YrkesfagFrame,
      county,
      { type: 'SubmitReport', year, evaluation: input.evaluation, today: this.clock.today() },
      meta,
      {
        created: true,
        retryOnConflict: true,
        extra: (_state, events) => {
          const e = events[0];
          return e?.type === 'YrkesfagReportSubmitted' ? { late: e.data.late, unspent: e.data.unspent } : {};
        },
      },
    );
  }
}
