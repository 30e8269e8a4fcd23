import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, type Scheme } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { FrameLedger, ledgerIdOf } from '../frame-ledger.aggregate.js';
import type { SetReportDeadlineDto } from './set-report-deadline.dto.js';

export class SetReportDeadlineCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly office: string,
    readonly scheme: Scheme,
    readonly input: SetReportDeadlineDto,
  ) {}
}

@CommandHandler(SetReportDeadlineCommand)
export class SetReportDeadlineHandler implements ICommandHandler<SetReportDeadlineCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  /** R26, R20: the office's governor sets its own deadline for a scheme and year. */
  execute({ meta, office, scheme, input }: SetReportDeadlineCommand) {
    AccessPolicy.assertGovernorOf(meta.actor, office, 'sets report deadlines', `Office ${office}`);
    return this.runner.run(FrameLedger, ledgerIdOf(office, scheme), { type: 'SetReportDeadline', office, scheme, ...input }, meta, {
      reason: input.reason,
      created: false,
    });
  }
}
