import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertCounty } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';
import type { Participants } from '../reference.js';

export class RecordSpendingCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly input: { measureId: string; amount: number; spentOn: string; participants: Participants },
  ) {}
}

@CommandHandler(RecordSpendingCommand)
export class RecordSpendingHandler implements ICommandHandler<RecordSpendingCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, input }: RecordSpendingCommand) {
    assertCounty(meta.actor, county, 'records its YRKESFAG spending (R24)');
    const p = input.participants;
    const participants = {
      vocational_teachers: p.vocational_teachers,
      instructors: p.instructors,
      professional_leaders: p.professional_leaders,
      examination_board_members: p.examination_board_members,
    };
    return this.runner.run(
      YrkesfagFrame,
      county,
      { type: 'RecordSpending', measureId: input.measureId, amount: input.amount, spentOn: input.spentOn, participants },
      meta,
      {
        created: true,
        retryOnConflict: true,
        extra: (state) => ({ spendingId: `S${state.spendings}` }),
      },
    );
  }
}
