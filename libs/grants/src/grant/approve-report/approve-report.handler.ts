import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { GrantCommandRunner } from '../grant-command-runner.js';

export class ApproveReportCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly year: number,
  ) {}
}

@CommandHandler(ApproveReportCommand)
export class ApproveReportHandler implements ICommandHandler<ApproveReportCommand, CommandOutcome> {
  constructor(
    private readonly grants: GrantCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, grantId, year }: ApproveReportCommand) {
    return this.grants.run(meta, grantId, { by: 'governor', action: 'approves reports' }, (grant) => ({
      type: 'ApproveReport',
      grant,
      year,
      today: this.clock.today(),
    }));
  }
}
