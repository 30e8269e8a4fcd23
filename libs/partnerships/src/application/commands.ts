import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#libs/event-store';
import { ForbiddenError, ORGANISATION_DIRECTORY, type OrganisationDirectory } from '#libs/kernel';
import {
  needsAssessmentDecider,
  needsAssessmentStream,
  type NeedsAssessmentEvent,
  type PartnershipRow,
  type PartnershipStatusPort,
} from '#libs/needs-assessments';
import { CommandRunner, EVENT_STORE, fold, ReadModels, type CommandMeta, type CommandResultBody, type HttpResult } from '#libs/platform';
import { partnershipDecider, partnershipStream, type DeclineReason, type MeasureFacts, type PartnershipCommand, type PartnershipEvent } from '../domain/partnership.decider.js';

export type PartnershipInput =
  | { type: 'CommitPartnership'; competenceAreas: string[]; capacityHoursPerYear: number; fromYear: number; toYear: number; contactRole: string }
  | { type: 'DeclinePartnership'; reason: DeclineReason; explanation: string }
  | { type: 'AddSubcontractor'; orgNumber: string; name: string; sharePercent: number; task: string };

/** A university's command on its partnership in one measure. */
export class ExecutePartnershipCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly measureId: string,
    readonly input: PartnershipInput,
  ) {}
}

/** Finds a measure in the needs-assessment streams (current, not the read model) and states the facts the decider needs. */
@Injectable()
export class MeasureFactsLookup {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async measure(measureId: string, university: string): Promise<MeasureFacts> {
    const none: MeasureFacts = { assessmentId: '', measureId, office: '', scheme: 'DEKOMP', year: 0, startYear: 0, spanYears: 0, namesUniversity: false, withdrawn: false };
    // The read model says which assessment holds the measure (ids never move); the stream says what it is now.
    const row = await this.readModels.caughtUp(['needs_assessments'], async (sql) => (await sql.query<{ assessment_id: string }>('SELECT assessment_id FROM na_measures WHERE measure_id = $1', [measureId])).rows[0]);
    if (!row) return none;
    const events = await this.store.readStream(needsAssessmentStream(row.assessment_id));
    const s = fold(needsAssessmentDecider, events.map((e) => ({ type: e.type, data: e.data }) as NeedsAssessmentEvent));
    const m = s.measures.find((x) => x.measureId === measureId);
    if (!m || !s.assessmentId) return none;
    return {
      assessmentId: s.assessmentId,
      measureId,
      office: s.office,
      scheme: s.scheme,
      year: s.year,
      startYear: m.startYear,
      spanYears: m.spanYears,
      namesUniversity: m.university?.org === university,
      withdrawn: s.status === 'withdrawn',
    };
  }
}

/** PARTNERSHIP_STATUS for the needs-assessment side. */
@Injectable()
export class PartnershipStatus implements PartnershipStatusPort {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async declined(pairs: Array<{ measureId: string; university: string }>): Promise<string[]> {
    const states = await Promise.all(
      pairs.map(async (p) => {
        const events = await this.store.readStream(partnershipStream(p.measureId, p.university));
        return { key: `${p.measureId}:${p.university}`, s: fold(partnershipDecider, events.map((e) => ({ type: e.type, data: e.data }) as PartnershipEvent)) };
      }),
    );
    return states.filter((x) => x.s.status === 'declined').map((x) => x.key);
  }

  forMeasures(measureIds: string[], asOf?: number): Promise<PartnershipRow[]> {
    if (measureIds.length === 0) return Promise.resolve([]);
    return this.readModels.run(['partnerships'], asOf, async (sql) =>
      (
        await sql.query<PartnershipRow>(
          `SELECT measure_id AS "measureId", university_org AS university, status, reason FROM pt_partnerships WHERE measure_id = ANY($1::text[]) ORDER BY answered_at`,
          [measureIds],
        )
      ).rows,
    );
  }
}

@CommandHandler(ExecutePartnershipCommand)
export class PartnershipCommandHandler implements ICommandHandler<ExecutePartnershipCommand, HttpResult<CommandResultBody>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: MeasureFactsLookup,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  async execute({ meta, measureId, input }: ExecutePartnershipCommand): Promise<HttpResult<CommandResultBody>> {
    // R20: a university answers for itself only.
    if (meta.actor.role !== 'university') throw new ForbiddenError('only the named university answers for a partnership');
    const university = meta.actor.org;
    const measure = await this.facts.measure(measureId, university);
    let command: PartnershipCommand;
    switch (input.type) {
      case 'CommitPartnership':
      case 'DeclinePartnership':
        command = { ...input, university, measure };
        break;
      case 'AddSubcontractor': {
        const org = await this.directory.get(input.orgNumber);
        command = { type: 'AddSubcontractor', university, measure, subcontractor: { orgNumber: input.orgNumber, name: input.name, kind: org?.kind ?? null, sharePercent: input.sharePercent, task: input.task } };
        break;
      }
    }
    return this.runner.run({
      streamId: partnershipStream(measureId, university),
      id: `${measureId}:${university}`,
      decider: partnershipDecider,
      meta,
      command,
      ...(input.type === 'DeclinePartnership' ? { reason: `${input.reason}: ${input.explanation}` } : {}),
    });
  }
}
