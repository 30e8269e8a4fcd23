import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { LedgerGrantRunner } from '../ledger-grant-runner.js';
import type { ExtendReportDeadlineDto } from '../set-report-deadline/set-report-deadline.dto.js';

export class ExtendReportDeadlineCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly input: ExtendReportDeadlineDto,
  ) {}
}

@CommandHandler(ExtendReportDeadlineCommand)
export class ExtendReportDeadlineHandler implements ICommandHandler<ExtendReportDeadlineCommand, CommandOutcome> {
  constructor(private readonly ledger: LedgerGrantRunner) {}

  /** R26: one recipient's deadline for one grant year, later, with a reason; R15 counts it at once. */
  execute({ meta, grantId, input }: ExtendReportDeadlineCommand) {
    return this.ledger.run(
      meta,
      grantId,
      'extends report deadlines',
      () => ({ type: 'ExtendReportDeadline', grantId, ...input }),
      input.reason,
    );
  }
}
