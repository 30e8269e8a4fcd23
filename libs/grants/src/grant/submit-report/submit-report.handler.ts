import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#libs/kernel';
import type { CommandMeta, CommandOutcome } from '#libs/platform';
import { GrantCommandRunner } from '../grant-command-runner.js';
import type { CoFinancingForms, ParticipantCount } from '../grant.aggregate.js';

export interface ReportInput {
  year: number;
  spent: number;
  unspent: number;
  coFinancingProvided: CoFinancingForms;
  participants: ParticipantCount[];
  evaluation: string;
  teacherEducationFeedback?: string;
}

export class SubmitReportCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly grantId: string,
    readonly input: ReportInput,
  ) {}
}

@CommandHandler(SubmitReportCommand)
export class SubmitReportHandler implements ICommandHandler<SubmitReportCommand, CommandOutcome> {
  constructor(
    private readonly grants: GrantCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ meta, grantId, input }: SubmitReportCommand) {
    return this.grants.run(meta, grantId, { by: 'recipient', action: 'reports on its grant' }, (grant) => ({
      type: 'SubmitReport',
      grant,
      ...input,
      today: this.clock.today(),
    }));
  }
}
