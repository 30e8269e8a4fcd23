import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertUdir } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';

export class AdjustFrameCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly county: string,
    readonly year: number,
    readonly input: { amount: number; reason: string },
  ) {}
}

@CommandHandler(AdjustFrameCommand)
export class AdjustFrameHandler implements ICommandHandler<AdjustFrameCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, county, year, input }: AdjustFrameCommand) {
    assertUdir(meta.actor, 'adjusts YRKESFAG frames (R24)');
    return this.runner.run(YrkesfagFrame, county, { type: 'AdjustFrame', year, amount: input.amount, reason: input.reason }, meta, {
      reason: input.reason,
      retryOnConflict: true,
    });
  }
}
