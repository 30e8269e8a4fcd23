import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MEASURE_CATALOG, ORGANISATION_DIRECTORY, ruleSetFor, type MeasureCatalog, type MeasureInfo, type OrganisationDirectory, type Scheme } from '#libs/kernel';
import { CommandRunner, ReadModels, type CommandMeta, type CommandResultBody, type HttpResult } from '#libs/platform';
import { officeByCode } from '#libs/reference-data';
import type { MemberCategory } from '../domain/categories.js';
import { forumDecider, forumIdOf, forumStream, type ForumState } from '../domain/forum.decider.js';
import {
  recommendationDecider,
  recommendationIdOf,
  recommendationStream,
  type RecommendationContent,
  type RecommendationFacts,
} from '../domain/recommendation.decider.js';
import { ForumStreams, governorOffice } from './facts.js';

type Result = Promise<HttpResult<CommandResultBody>>;

export class CreateForum {
  constructor(readonly meta: CommandMeta, readonly input: { name: string; counties: string[] }) {}
}
export class AddForumMember {
  constructor(readonly meta: CommandMeta, readonly forumId: string, readonly input: { orgNumber?: string; name?: string; category: MemberCategory; joinedOn: string }) {}
}
export class RecordMemberLeft {
  constructor(readonly meta: CommandMeta, readonly forumId: string, readonly memberId: string, readonly input: { leftOn: string; reason: string }) {}
}
export class RecordForumMeeting {
  constructor(readonly meta: CommandMeta, readonly forumId: string, readonly input: { date: string; agenda: string[]; minutesSummary: string; presentMemberIds: string[] }) {}
}
export class RecordRecommendation {
  constructor(readonly meta: CommandMeta, readonly forumId: string, readonly input: RecommendationContent & { callId: string }) {}
}
export class AmendRecommendation {
  constructor(readonly meta: CommandMeta, readonly recommendationId: string, readonly input: RecommendationContent & { reason: string }) {}
}
export class PublishRecommendation {
  constructor(readonly meta: CommandMeta, readonly recommendationId: string) {}
}
export class WithdrawRecommendation {
  constructor(readonly meta: CommandMeta, readonly recommendationId: string, readonly input: { reason: string }) {}
}

@CommandHandler(CreateForum)
export class CreateForumHandler implements ICommandHandler<CreateForum> {
  constructor(private readonly runner: CommandRunner, private readonly readModels: ReadModels) {}

  async execute({ meta, input }: CreateForum): Result {
    const office = governorOffice(meta.actor, 'creates forums');
    const officeCounties = officeByCode(office)?.countyNumbers ?? [];
    const forumId = forumIdOf(office, input.counties);
    const others = await this.readModels.caughtUp(['forum'], async (sql) =>
      (await sql.query<{ forum_id: string; counties: string[] | string }>(`SELECT forum_id, counties FROM forum_forums WHERE office = $1 AND forum_id <> $2`, [office, forumId])).rows,
    );
    const countiesTaken: Record<string, string> = {};
    for (const f of others) for (const c of typeof f.counties === 'string' ? (JSON.parse(f.counties) as string[]) : f.counties) countiesTaken[c] = f.forum_id;
    return this.runner.run({
      streamId: forumStream(forumId),
      id: forumId,
      decider: forumDecider,
      meta,
      location: `/forums/${forumId}`,
      command: { type: 'CreateForum', forumId, office, name: input.name, counties: input.counties, officeCounties, countiesTaken },
    });
  }
}

@CommandHandler(AddForumMember)
export class AddForumMemberHandler implements ICommandHandler<AddForumMember> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly streams: ForumStreams,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  async execute({ meta, forumId, input }: AddForumMember): Result {
    await this.streams.governedForum(meta, forumId, 'fixes the forum membership (R11)');
    const organisation = input.orgNumber ? await this.directory.get(input.orgNumber) : null;
    return this.runner.run({
      streamId: forumStream(forumId),
      id: forumId,
      decider: forumDecider,
      meta,
      command: { type: 'AddForumMember', orgNumber: input.orgNumber ?? null, name: input.name ?? null, category: input.category, joinedOn: input.joinedOn, organisation },
      extra: (state: ForumState) => ({ memberId: state.members[state.members.length - 1].memberId }),
    });
  }
}

@CommandHandler(RecordMemberLeft)
export class RecordMemberLeftHandler implements ICommandHandler<RecordMemberLeft> {
  constructor(private readonly runner: CommandRunner, private readonly streams: ForumStreams) {}

  async execute({ meta, forumId, memberId, input }: RecordMemberLeft): Result {
    await this.streams.governedForum(meta, forumId, 'fixes the forum membership (R11)');
    return this.runner.run({
      streamId: forumStream(forumId),
      id: forumId,
      decider: forumDecider,
      meta,
      reason: input.reason,
      command: { type: 'RecordMemberLeft', memberId, leftOn: input.leftOn, reason: input.reason },
    });
  }
}

@CommandHandler(RecordForumMeeting)
export class RecordForumMeetingHandler implements ICommandHandler<RecordForumMeeting> {
  constructor(private readonly runner: CommandRunner, private readonly streams: ForumStreams) {}

  async execute({ meta, forumId, input }: RecordForumMeeting): Result {
    await this.streams.governedForum(meta, forumId, "records the forum's meetings");
    return this.runner.run({
      streamId: forumStream(forumId),
      id: forumId,
      decider: forumDecider,
      meta,
      command: { type: 'RecordForumMeeting', date: input.date, agenda: input.agenda, minutesSummary: input.minutesSummary, presentMemberIds: input.presentMemberIds },
      extra: (state: ForumState) => ({ meetingId: state.meetings[state.meetings.length - 1].meetingId }),
    });
  }
}

/** Looks up what a recommendation's decider needs: the call, the measures (MEASURE_CATALOG) and the organisations. */
/** Subclasses inherit this constructor's injection (Nest reads parameter metadata through the prototype chain). */
@Injectable()
abstract class RecommendationFactsHandler {
  constructor(
    protected readonly runner: CommandRunner,
    protected readonly streams: ForumStreams,
    protected readonly readModels: ReadModels,
    @Inject(ORGANISATION_DIRECTORY) protected readonly directory: OrganisationDirectory,
    @Optional() @Inject(MEASURE_CATALOG) protected readonly catalog: MeasureCatalog | null,
  ) {}

  protected async facts(forum: ForumState, callId: string, content: RecommendationContent): Promise<RecommendationFacts> {
    const call = await this.readModels.caughtUp(['calls'], async (sql) =>
      (await sql.query<{ callId: string; office: string; scheme: Scheme; year: number }>(`SELECT call_id AS "callId", office, scheme, year FROM calls WHERE call_id = $1`, [callId])).rows[0] ?? null,
    );
    const rules = call ? ruleSetFor(call.scheme, call.year) : null;
    const measures = content.measures ?? [];
    let catalogued: Record<string, MeasureInfo | null> | undefined;
    if (this.catalog) {
      const ids = [...new Set(measures.map((m) => m.measureId).filter((id): id is string => typeof id === 'string' && id.trim() !== ''))];
      catalogued = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await this.catalog!.get(id)] as const)));
    }
    const orgNumbers = measures.flatMap((m) => [...(m.cooperatingOwners ?? []), ...(m.cooperatingUniversities ?? []), ...(m.amounts ?? []).map((a) => a.recipientOrg ?? '')]).filter(Boolean);
    const organisations = Object.fromEntries(await this.directory.getMany(orgNumbers));
    return {
      forum,
      call: call ? { ...call, year: Number(call.year) } : null,
      maxSpanYears: rules?.maxSpanYears ?? 3,
      universityPartnerRequired: rules?.universityPartnerRequired ?? true,
      measures: catalogued,
      organisations,
    };
  }
}

const contentOf = (input: RecommendationContent): RecommendationContent => ({
  meetingId: input.meetingId,
  outcome: input.outcome,
  vote: input.vote ?? null,
  measures: input.measures,
  note: input.note ?? null,
});

@CommandHandler(RecordRecommendation)
export class RecordRecommendationHandler extends RecommendationFactsHandler implements ICommandHandler<RecordRecommendation> {

  async execute({ meta, forumId, input }: RecordRecommendation): Result {
    const forum = await this.streams.governedForum(meta, forumId, "records the forum's recommendation");
    const recommendationId = recommendationIdOf(forumId, input.callId);
    const content = contentOf(input);
    return this.runner.run({
      streamId: recommendationStream(recommendationId),
      id: recommendationId,
      decider: recommendationDecider,
      meta,
      location: `/recommendations/${recommendationId}`,
      command: { type: 'RecordRecommendation', recommendationId, callId: input.callId, content, facts: await this.facts(forum, input.callId, content) },
    });
  }
}

@CommandHandler(AmendRecommendation)
export class AmendRecommendationHandler extends RecommendationFactsHandler implements ICommandHandler<AmendRecommendation> {

  async execute({ meta, recommendationId, input }: AmendRecommendation): Result {
    const rec = await this.streams.governedRecommendation(meta, recommendationId, "amends the forum's recommendation");
    const forum = await this.streams.forum(rec.forumId!);
    const content = contentOf(input);
    return this.runner.run({
      streamId: recommendationStream(recommendationId),
      id: recommendationId,
      decider: recommendationDecider,
      meta,
      reason: input.reason,
      command: { type: 'AmendRecommendation', content, facts: await this.facts(forum, rec.callId!, content), reason: input.reason },
    });
  }
}

@CommandHandler(PublishRecommendation)
export class PublishRecommendationHandler implements ICommandHandler<PublishRecommendation> {
  constructor(private readonly runner: CommandRunner, private readonly streams: ForumStreams) {}

  async execute({ meta, recommendationId }: PublishRecommendation): Result {
    await this.streams.governedRecommendation(meta, recommendationId, "publishes the forum's recommendation");
    return this.runner.run({ streamId: recommendationStream(recommendationId), id: recommendationId, decider: recommendationDecider, meta, command: { type: 'PublishRecommendation' } });
  }
}

@CommandHandler(WithdrawRecommendation)
export class WithdrawRecommendationHandler implements ICommandHandler<WithdrawRecommendation> {
  constructor(private readonly runner: CommandRunner, private readonly streams: ForumStreams) {}

  async execute({ meta, recommendationId, input }: WithdrawRecommendation): Result {
    await this.streams.governedRecommendation(meta, recommendationId, "withdraws the forum's recommendation");
    return this.runner.run({
      streamId: recommendationStream(recommendationId),
      id: recommendationId,
      decider: recommendationDecider,
      meta,
      reason: input.reason,
      command: { type: 'WithdrawRecommendation', reason: input.reason },
    });
  }
}
