import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, ruleSetFor, type Scheme } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { Call, callIdOf } from '../call.aggregate.js';

export class OpenCallCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: { scheme: Scheme; year: number; title: string; deadline?: string; decisionDate?: string },
  ) {}
}

@CommandHandler(OpenCallCommand)
export class OpenCallHandler implements ICommandHandler<OpenCallCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, input }: OpenCallCommand) {
    const office = AccessPolicy.governorOffice(meta.actor, 'opens calls');
    const rules = ruleSetFor(input.scheme, input.year);
    const callId = callIdOf(office, input.scheme, input.year);
    return this.runner.run(
      Call,
      callId,
      {
        type: 'OpenCall',
        callId,
        office,
        scheme: input.scheme,
        year: input.year,
        title: input.title,
        deadline: input.deadline ?? `${input.year}-${rules.defaultCallDeadline}`,
        decisionDate: input.decisionDate ?? `${input.year}-${rules.defaultDecisionDate}`,
      },
      meta,
    );
  }
}
