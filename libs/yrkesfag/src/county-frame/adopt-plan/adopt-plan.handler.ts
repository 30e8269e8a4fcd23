import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertCounty } from '../access.js';
import type { PlanLine } from '../county-frame.events.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class AdoptPlanCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly year: number,
    readonly input: { lines: PlanLine[]; reason?: string },
  ) {}
}

@CommandHandler(AdoptPlanCommand)
export class AdoptPlanHandler implements ICommandHandler<AdoptPlanCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, county, year, input }: AdoptPlanCommand) {
    assertCounty(meta.actor, county, 'adopts its YRKESFAG plan (R24)');
    const lines = input.lines.map((l) => ({ measureId: l.measureId, priority: l.priority, amount: l.amount }));
    return this.runner.run(
      YrkesfagFrame,
      county,
      { type: 'AdoptPlan', year, lines, today: this.clock.today(), reason: input.reason ?? null },
      meta,
      {
        retryOnConflict: true,
        ...(input.reason ? { reason: input.reason } : {}),
        extra: (state) => ({ revision: state.years.find((y) => y.year === year)?.planRevision }),
      },
    );
  }
}
