import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ForbiddenError, ruleSetFor, type Scheme } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandResultBody, type HttpResult } from '#libs/platform';
import { callDecider, callIdOf, callStream } from '../domain/call.decider.js';

export class OpenCall {
  constructor(
    readonly meta: CommandMeta,
    readonly input: { scheme: Scheme; year: number; title: string; deadline?: string; decisionDate?: string },
  ) {}
}

export class ExtendCallDeadline {
  constructor(
    readonly meta: CommandMeta,
    readonly callId: string,
    readonly input: { deadline: string; reason: string },
  ) {}
}

/** A governor acts for its own office only (R20). */
function officeOf(meta: CommandMeta): string {
  if (meta.actor.role !== 'governor' || !meta.actor.office) throw new ForbiddenError('only a governor opens or changes calls');
  return meta.actor.office;
}

@CommandHandler(OpenCall)
export class OpenCallHandler implements ICommandHandler<OpenCall, HttpResult<CommandResultBody>> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, input }: OpenCall) {
    const office = officeOf(meta);
    const rules = ruleSetFor(input.scheme, input.year);
    const callId = callIdOf(office, input.scheme, input.year);
    return this.runner.run({
      streamId: callStream(callId),
      id: callId,
      decider: callDecider,
      meta,
      location: `/calls/${callId}`,
      command: {
        type: 'OpenCall',
        callId,
        office,
        scheme: input.scheme,
        year: input.year,
        title: input.title,
        deadline: input.deadline ?? `${input.year}-${rules.defaultCallDeadline}`,
        decisionDate: input.decisionDate ?? `${input.year}-${rules.defaultDecisionDate}`,
      },
    });
  }
}

@CommandHandler(ExtendCallDeadline)
export class ExtendCallDeadlineHandler implements ICommandHandler<ExtendCallDeadline, HttpResult<CommandResultBody>> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, callId, input }: ExtendCallDeadline) {
    const office = officeOf(meta);
    if (!callId.startsWith(`${office.toLowerCase()}-`)) throw new ForbiddenError(`call ${callId} belongs to another governor office`);
    return this.runner.run({
      streamId: callStream(callId),
      id: callId,
      decider: callDecider,
      meta,
      reason: input.reason,
      command: { type: 'ExtendCallDeadline', deadline: input.deadline, reason: input.reason },
    });
  }
}
