import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DomainError,
  ForbiddenError,
  MEASURE_CATALOG,
  ORGANISATION_DIRECTORY,
  RECOMMENDATION_LOOKUP,
  ruleSetFor,
  type MeasureCatalog,
  type OrganisationDirectory,
  type RecommendationLookup,
  type RuleViolation,
  type Scheme,
} from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandResultBody, type HttpResult } from '#libs/platform';
import { isKnownOfficeCode } from '#libs/reference-data';
import { ledgerDecider, ledgerStream, type AmountLine, type RecommendationFacts } from '../domain/frame-ledger.decider.js';
import { grantDecider, type CoFinancingForms, type CoFinancingLine, type ParticipantCount } from '../domain/grant.decider.js';
import { grantIdOf, grantStream } from '../domain/grant-id.js';
import { sum } from '../domain/money.js';
import { asCreated, assertGovernorOf, assertRecipient, grantIdParts, GrantFactsLoader, GrantsClock } from './facts.js';

type Result = Promise<HttpResult<CommandResultBody>>;

// ---------- Frames (ramme): the ministry ----------

export class SetFrame {
  constructor(readonly meta: CommandMeta, readonly input: { office: string; scheme: Scheme; year: number; amount: number }) {}
}
export class AdjustFrame {
  constructor(readonly meta: CommandMeta, readonly office: string, readonly scheme: Scheme, readonly year: number, readonly input: { amount: number; reason: string }) {}
}

function assertMinistry(meta: CommandMeta) {
  if (meta.actor.role !== 'ministry') throw new ForbiddenError('only the ministry sets and adjusts frames');
}

@CommandHandler(SetFrame)
export class SetFrameHandler implements ICommandHandler<SetFrame> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, input }: SetFrame): Result {
    assertMinistry(meta);
    if (!isKnownOfficeCode(input.office)) throw DomainError.of('R19', 'office', `${input.office} is not a governor office code`);
    const location = `/frames/${input.office}/${input.scheme}/${input.year}`;
    return this.runner
      .run({ streamId: ledgerStream(input.office, input.scheme), id: `${input.office}/${input.scheme}/${input.year}`, decider: ledgerDecider, meta, command: { type: 'SetFrame', ...input } })
      .then((r) => asCreated(r, location));
  }
}

@CommandHandler(AdjustFrame)
export class AdjustFrameHandler implements ICommandHandler<AdjustFrame> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, office, scheme, year, input }: AdjustFrame): Result {
    assertMinistry(meta);
    return this.runner.run({
      streamId: ledgerStream(office, scheme),
      id: `${office}/${scheme}/${year}`,
      decider: ledgerDecider,
      meta,
      reason: input.reason,
      command: { type: 'AdjustFrame', year, amount: input.amount, reason: input.reason },
    });
  }
}

// ---------- Allocation decisions (vedtak): the governor ----------

export interface DecideInput {
  scheme: Scheme;
  year: number;
  measureId: string;
  recipientOrg: string;
  callId?: string;
  amounts: AmountLine[];
  deviationReason?: string;
}
export class DecideAllocation {
  constructor(readonly meta: CommandMeta, readonly input: DecideInput) {}
}
export class AmendAllocation {
  constructor(readonly meta: CommandMeta, readonly grantId: string, readonly input: { amounts: AmountLine[]; reason: string }) {}
}
export class RevokeAllocation {
  constructor(readonly meta: CommandMeta, readonly grantId: string, readonly input: { reason: string }) {}
}

/** R12: the forum's recommendation for one measure and recipient. */
async function recommendationFor(lookup: RecommendationLookup | undefined, callId: string, measureId: string, recipientOrg: string): Promise<RecommendationFacts> {
  const rec = lookup ? await lookup.forCall(callId) : null;
  if (!rec) return { basis: 'no_recommendation', recommendationId: null, lines: [] };
  if (rec.outcome === 'no_agreement') return { basis: 'no_agreement', recommendationId: rec.recommendationId, lines: [] };
  return {
    basis: 'recommendation',
    recommendationId: rec.recommendationId,
    lines: rec.lines.filter((l) => l.measureId === measureId && l.recipientOrg === recipientOrg).map((l) => ({ year: l.year, amount: l.amount })),
  };
}

@CommandHandler(DecideAllocation)
export class DecideAllocationHandler implements ICommandHandler<DecideAllocation> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: GrantFactsLoader,
    private readonly clock: GrantsClock,
    @Optional() @Inject(ORGANISATION_DIRECTORY) private readonly directory?: OrganisationDirectory,
    @Optional() @Inject(MEASURE_CATALOG) private readonly catalog?: MeasureCatalog,
    @Optional() @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations?: RecommendationLookup,
  ) {}

  async execute({ meta, input }: DecideAllocation): Result {
    if (meta.actor.role !== 'governor' || !meta.actor.office) throw new ForbiddenError('only a governor decides allocations');
    const office = meta.actor.office;
    let callId = input.callId ?? `${office}-${input.scheme}-${input.year}`.toLowerCase();
    if (this.catalog) {
      const measure = await this.catalog.get(input.measureId);
      if (!measure) throw DomainError.of('measure', 'measureId', `there is no measure ${input.measureId}`);
      if (measure.office !== office) throw new ForbiddenError(`measure ${input.measureId} belongs to governor office ${measure.office}`);
      const violations: RuleViolation[] = [];
      if (measure.scheme !== input.scheme) violations.push({ rule: 'measure', field: 'scheme', message: `measure ${input.measureId} is in ${measure.scheme}` });
      if (measure.year !== input.year) violations.push({ rule: 'measure', field: 'year', message: `measure ${input.measureId} belongs to the ${measure.year} call` });
      if (measure.status !== 'submitted') violations.push({ rule: 'measure', field: 'measureId', message: `measure ${input.measureId} is ${measure.status}, not submitted` });
      const parties = [...measure.owners, ...measure.universities.filter((u) => u.status === 'committed').map((u) => u.org)];
      if (!parties.includes(input.recipientOrg)) violations.push({ rule: 'R10', field: 'recipientOrg', message: `${input.recipientOrg} is neither an owner nor a committed university partner of measure ${input.measureId}` });
      if (violations.length) throw new DomainError(violations);
      callId = measure.callId;
    }
    const org = this.directory ? await this.directory.get(input.recipientOrg) : null;
    const recommendation = await recommendationFor(this.recommendations, callId, input.measureId, input.recipientOrg);
    const decisionDate = (await this.facts.decisionDate(callId)) ?? `${input.year}-${ruleSetFor(input.scheme, input.year).defaultDecisionDate}`;
    const grantId = grantIdOf(office, input.scheme, input.measureId, input.recipientOrg);
    const result = await this.runner.run({
      streamId: ledgerStream(office, input.scheme),
      id: grantId,
      decider: ledgerDecider,
      meta,
      command: {
        type: 'DecideAllocation',
        grantId,
        office,
        scheme: input.scheme,
        decisionYear: input.year,
        callId,
        measureId: input.measureId,
        recipient: { org: input.recipientOrg, kind: org?.kind ?? null },
        lines: input.amounts,
        recommendation,
        deviationReason: input.deviationReason,
        decisionDate,
        today: this.clock.today(),
      },
    });
    return asCreated(result, `/grants/${grantId}`);
  }
}

@CommandHandler(AmendAllocation)
export class AmendAllocationHandler implements ICommandHandler<AmendAllocation> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: GrantFactsLoader,
    private readonly clock: GrantsClock,
    @Optional() @Inject(RECOMMENDATION_LOOKUP) private readonly recommendations?: RecommendationLookup,
  ) {}

  async execute({ meta, grantId, input }: AmendAllocation): Result {
    const { office, scheme } = grantIdParts(grantId);
    assertGovernorOf(meta.actor, office);
    const charge = await this.facts.charge(grantId);
    const state = await this.facts.grantState(grantId);
    return this.runner.run({
      streamId: ledgerStream(office, scheme),
      id: grantId,
      decider: ledgerDecider,
      meta,
      reason: input.reason,
      command: {
        type: 'AmendAllocation',
        grantId,
        lines: input.amounts,
        recommendation: await recommendationFor(this.recommendations, charge.callId, charge.measureId, charge.recipientOrg),
        reason: input.reason,
        paidByYear: state.paid,
        today: this.clock.today(),
      },
    });
  }
}

@CommandHandler(RevokeAllocation)
export class RevokeAllocationHandler implements ICommandHandler<RevokeAllocation> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: GrantFactsLoader,
    private readonly clock: GrantsClock,
  ) {}

  async execute({ meta, grantId, input }: RevokeAllocation): Result {
    const { office, scheme } = grantIdParts(grantId);
    assertGovernorOf(meta.actor, office);
    const state = await this.facts.grantState(grantId);
    return this.runner.run({
      streamId: ledgerStream(office, scheme),
      id: grantId,
      decider: ledgerDecider,
      meta,
      reason: input.reason,
      command: { type: 'RevokeAllocation', grantId, reason: input.reason, paidTotal: sum(Object.values(state.paid)), today: this.clock.today() },
    });
  }
}

// ---------- The grant's life: acceptance, payments, reports, settlement ----------

export class AcceptGrant {
  constructor(readonly meta: CommandMeta, readonly grantId: string, readonly input: { coFinancing: CoFinancingLine[] }) {}
}
export class RecordPayment {
  constructor(readonly meta: CommandMeta, readonly grantId: string, readonly input: { year: number; amount: number; paidOn?: string }) {}
}
export interface ReportInput {
  year: number;
  spent: number;
  unspent: number;
  coFinancingProvided: CoFinancingForms;
  participants: ParticipantCount[];
  evaluation: string;
  teacherEducationFeedback?: string;
}
export class SubmitReport {
  constructor(readonly meta: CommandMeta, readonly grantId: string, readonly input: ReportInput) {}
}
export class ApproveReport {
  constructor(readonly meta: CommandMeta, readonly grantId: string, readonly year: number) {}
}
export class ClaimRepayment {
  constructor(readonly meta: CommandMeta, readonly grantId: string, readonly input: { year?: number; amount: number; reason: string }) {}
}
export class SettleRepayment {
  constructor(readonly meta: CommandMeta, readonly grantId: string, readonly claimId: string, readonly input: { amount: number; settledOn?: string }) {}
}

/** Subclasses inherit this constructor's injection (Nest reads parameter metadata through the prototype chain). */
@Injectable()
abstract class GrantHandler {
  constructor(
    protected readonly runner: CommandRunner,
    protected readonly facts: GrantFactsLoader,
    protected readonly clock: GrantsClock,
  ) {}

  /** Who may act (R20), then the decision's facts from the ledger. */
  protected async load(grantId: string, check: (office: string, recipientOrg: string) => void) {
    const { office, recipientOrg } = grantIdParts(grantId);
    check(office, recipientOrg);
    return this.facts.facts(await this.facts.charge(grantId));
  }
}

@CommandHandler(AcceptGrant)
export class AcceptGrantHandler extends GrantHandler implements ICommandHandler<AcceptGrant> {

  async execute({ meta, grantId, input }: AcceptGrant): Result {
    const grant = await this.load(grantId, (_, recipient) => assertRecipient(meta.actor, recipient));
    return this.runner.run({ streamId: grantStream(grantId), id: grantId, decider: grantDecider, meta, command: { type: 'AcceptGrant', grant, coFinancing: input.coFinancing, today: this.clock.today() } });
  }
}

@CommandHandler(RecordPayment)
export class RecordPaymentHandler extends GrantHandler implements ICommandHandler<RecordPayment> {

  async execute({ meta, grantId, input }: RecordPayment): Result {
    const grant = await this.load(grantId, (office) => assertGovernorOf(meta.actor, office));
    const today = this.clock.today();
    const overdueReports = await this.facts.overdueReports(grant.recipientOrg, today, grant);
    const paymentId = randomUUID();
    return this.runner.run({
      streamId: grantStream(grantId),
      id: grantId,
      decider: grantDecider,
      meta,
      command: { type: 'RecordPayment', grant, paymentId, year: input.year, amount: input.amount, paidOn: input.paidOn ?? today, overdueReports },
      extra: (_, events) => ({ paymentId: (events[0]?.data as { paymentId?: string }).paymentId }),
    });
  }
}

@CommandHandler(SubmitReport)
export class SubmitReportHandler extends GrantHandler implements ICommandHandler<SubmitReport> {

  async execute({ meta, grantId, input }: SubmitReport): Result {
    const grant = await this.load(grantId, (_, recipient) => assertRecipient(meta.actor, recipient));
    return this.runner.run({ streamId: grantStream(grantId), id: grantId, decider: grantDecider, meta, command: { type: 'SubmitReport', grant, ...input, today: this.clock.today() } });
  }
}

@CommandHandler(ApproveReport)
export class ApproveReportHandler extends GrantHandler implements ICommandHandler<ApproveReport> {

  async execute({ meta, grantId, year }: ApproveReport): Result {
    const grant = await this.load(grantId, (office) => assertGovernorOf(meta.actor, office));
    return this.runner.run({ streamId: grantStream(grantId), id: grantId, decider: grantDecider, meta, command: { type: 'ApproveReport', grant, year, today: this.clock.today() } });
  }
}

@CommandHandler(ClaimRepayment)
export class ClaimRepaymentHandler extends GrantHandler implements ICommandHandler<ClaimRepayment> {

  async execute({ meta, grantId, input }: ClaimRepayment): Result {
    const grant = await this.load(grantId, (office) => assertGovernorOf(meta.actor, office));
    const claimId = randomUUID();
    return this.runner.run({
      streamId: grantStream(grantId),
      id: grantId,
      decider: grantDecider,
      meta,
      reason: input.reason,
      command: { type: 'ClaimRepayment', grant, claimId, year: input.year ?? null, amount: input.amount, reason: input.reason, today: this.clock.today() },
      extra: (_, events) => ({ claimId: (events[0]?.data as { claimId?: string }).claimId }),
    });
  }
}

@CommandHandler(SettleRepayment)
export class SettleRepaymentHandler extends GrantHandler implements ICommandHandler<SettleRepayment> {

  async execute({ meta, grantId, claimId, input }: SettleRepayment): Result {
    const grant = await this.load(grantId, (office) => assertGovernorOf(meta.actor, office));
    return this.runner.run({
      streamId: grantStream(grantId),
      id: grantId,
      decider: grantDecider,
      meta,
      command: { type: 'SettleRepayment', grant, claimId, amount: input.amount, settledOn: input.settledOn ?? this.clock.today() },
    });
  }
}

export const GRANT_COMMAND_HANDLERS = [
  SetFrameHandler,
  AdjustFrameHandler,
  DecideAllocationHandler,
  AmendAllocationHandler,
  RevokeAllocationHandler,
  AcceptGrantHandler,
  RecordPaymentHandler,
  SubmitReportHandler,
  ApproveReportHandler,
  ClaimRepaymentHandler,
  SettleRepaymentHandler,
];
