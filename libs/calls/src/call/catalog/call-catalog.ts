import { Injectable } from '@nestjs/common';
import type { CallCatalog, CallInfo } from '#libs/kernel';
import { CommandRunner } from '#libs/platform';
import { Call } from '../call.aggregate.js';

/** CALL_CATALOG: other capabilities see a call as its own stream holds it, so a call opened a moment ago counts. */
@Injectable()
export class StreamCallCatalog implements CallCatalog {
  constructor(private readonly runner: CommandRunner) {}

  async get(callId: string): Promise<CallInfo | null> {
    const { events } = await this.runner.load(Call, callId);
    const opened = events.find((e) => e.type === 'CallOpened');
    if (!opened || opened.type !== 'CallOpened') return null;
    const { ruleSetVersion: _version, ...call } = opened.data;
    const extended = events.filter((e) => e.type === 'CallDeadlineExtended');
    const last = extended[extended.length - 1];
    return { ...call, deadline: last?.type === 'CallDeadlineExtended' ? last.data.deadline : call.deadline };
  }
}
