import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { callDecider, callStream, type CallEvent } from '#libs/calls';
import type { EventStore } from '#libs/event-store';
import { ForbiddenError, NotFoundError, ORGANISATION_DIRECTORY, type OrganisationDirectory } from '#libs/kernel';
import { CommandRunner, EVENT_STORE, fold, type CommandMeta, type CommandResultBody, type HttpResult } from '#libs/platform';
import { needsAssessmentDecider, needsAssessmentStream } from '../domain/needs-assessment.decider.js';
import type {
  AssessmentContent,
  CallFacts,
  MeasureFields,
  NeedsAssessmentCommand,
  NeedsAssessmentEvent,
  NeedsAssessmentState,
  OrgFacts,
  OrgLines,
} from '../domain/needs-assessment.types.js';
import { PARTNERSHIP_STATUS, type PartnershipStatusPort } from './partnership-status.port.js';

/** The input of each needs-assessment command as the HTTP layer gives it; the handler adds the facts. */
export type NeedsAssessmentInput =
  | { type: 'CreateDraft'; callId: string; title: string; summary?: string }
  | { type: 'UpdateContent'; content: AssessmentContent }
  | { type: 'InviteNetworkOwner'; orgNumber: string }
  | { type: 'AddMeasure'; measure: MeasureFields; universityOrg: string }
  | { type: 'ReviseMeasure'; measureId: string; measure: MeasureFields }
  | { type: 'SetMeasureLines'; measureId: string; org: string; lines: OrgLines }
  | { type: 'ReplaceUniversityPartner'; measureId: string; universityOrg: string; reason: string }
  | { type: 'ConfirmOwnerPart' }
  | { type: 'Submit' }
  | { type: 'Amend'; reason: string }
  | { type: 'Withdraw'; reason: string };

/** One message for every command on a needs assessment (`assessmentId` is null only for CreateDraft). */
export class ExecuteNeedsAssessmentCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly assessmentId: string | null,
    readonly input: NeedsAssessmentInput,
  ) {}
}

/** Today's date in Norway: deadlines (R14) are Norwegian calendar dates. */
export function osloToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

@CommandHandler(ExecuteNeedsAssessmentCommand)
export class NeedsAssessmentCommandHandler implements ICommandHandler<ExecuteNeedsAssessmentCommand, HttpResult<CommandResultBody>> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(PARTNERSHIP_STATUS) private readonly partnerships: PartnershipStatusPort,
  ) {}

  async execute({ meta, assessmentId, input }: ExecuteNeedsAssessmentCommand): Promise<HttpResult<CommandResultBody>> {
    const actor = { role: meta.actor.role, org: meta.actor.org };
    // R20: only school owners write needs assessments (the routes say so too; this holds for every caller).
    if (actor.role !== 'school_owner') throw new ForbiddenError('only school owners write needs assessments');
    if (input.type === 'CreateDraft') {
      const id = randomUUID();
      const call = await this.call(input.callId);
      return this.runner.run({
        streamId: needsAssessmentStream(id),
        id,
        decider: needsAssessmentDecider,
        meta,
        location: `/needs-assessments/${id}`,
        command: { type: 'CreateDraft', assessmentId: id, actor, call, lead: await this.org(actor.org), title: input.title, summary: input.summary ?? '' },
      });
    }
    const id = assessmentId!;
    let command: NeedsAssessmentCommand;
    let extra: Record<string, unknown> | undefined;
    let reason: string | undefined;
    switch (input.type) {
      case 'UpdateContent':
      case 'ConfirmOwnerPart':
        command = { ...input, actor } as NeedsAssessmentCommand;
        break;
      case 'InviteNetworkOwner':
        command = { type: 'InviteNetworkOwner', actor, orgNumber: input.orgNumber, owner: await this.org(input.orgNumber) };
        break;
      case 'AddMeasure': {
        const measureId = randomUUID();
        extra = { measureId };
        command = { type: 'AddMeasure', actor, measureId, measure: input.measure, universityOrg: input.universityOrg, university: await this.org(input.universityOrg) };
        break;
      }
      case 'ReviseMeasure':
        command = { type: 'ReviseMeasure', actor, measureId: input.measureId, measure: input.measure };
        break;
      case 'SetMeasureLines':
        command = { type: 'SetMeasureLines', actor, measureId: input.measureId, org: input.org, lines: input.lines };
        break;
      case 'ReplaceUniversityPartner': {
        const state = await this.state(id);
        const current = state.measures.find((m) => m.measureId === input.measureId)?.university?.org;
        const declined = current ? (await this.partnerships.declined([{ measureId: input.measureId, university: current }])).length > 0 : false;
        reason = input.reason;
        command = { type: 'ReplaceUniversityPartner', actor, measureId: input.measureId, universityOrg: input.universityOrg, university: await this.org(input.universityOrg), currentPartnerDeclined: declined, reason: input.reason };
        break;
      }
      case 'Submit':
      case 'Amend': {
        const state = await this.state(id);
        const call = state.assessmentId ? await this.call(state.callId) : { deadline: '9999-12-31' };
        const pairs = state.measures.flatMap((m) => (m.university ? [{ measureId: m.measureId, university: m.university.org }] : []));
        const declinedPartners = await this.partnerships.declined(pairs);
        const base = { actor, today: osloToday(), deadline: call.deadline, declinedPartners };
        if (input.type === 'Amend') reason = input.reason;
        command = input.type === 'Submit' ? { type: 'Submit', ...base } : { type: 'Amend', ...base, reason: input.reason };
        break;
      }
      case 'Withdraw':
        reason = input.reason;
        command = { type: 'Withdraw', actor, reason: input.reason };
        break;
    }
    return this.runner.run({
      streamId: needsAssessmentStream(id),
      id,
      decider: needsAssessmentDecider,
      meta,
      command,
      ...(reason ? { reason } : {}),
      ...(extra ? { extra: () => extra! } : {}),
    });
  }

  private async state(id: string): Promise<NeedsAssessmentState> {
    const events = await this.store.readStream(needsAssessmentStream(id));
    return fold(needsAssessmentDecider, events.map((e) => ({ type: e.type, data: e.data }) as NeedsAssessmentEvent));
  }

  /** The call's facts from its own stream (current, including deadline extensions). */
  private async call(callId: string): Promise<CallFacts> {
    const events = await this.store.readStream(callStream(callId));
    const c = fold(callDecider, events.map((e) => ({ type: e.type, data: e.data }) as CallEvent));
    if (!c.callId || !c.office || !c.scheme || !c.year || !c.deadline) throw new NotFoundError('call', callId);
    return { callId: c.callId, office: c.office, scheme: c.scheme, year: c.year, deadline: c.deadline };
  }

  private async org(orgNumber: string): Promise<OrgFacts | null> {
    const o = await this.directory.get(orgNumber);
    return o ? { orgNumber: o.orgNumber, kind: o.kind, office: o.office } : null;
  }
}
