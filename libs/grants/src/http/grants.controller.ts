import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOfPipe, CommandContext, CommandResultDto, HistoryEntryDto } from '#libs/http';
import { SCHEMES, type Actor, type Scheme } from '#libs/kernel';
import type { CommandMeta } from '#libs/platform';
import { DomainError } from '#libs/kernel';
import {
  AcceptGrant,
  AdjustFrame,
  AmendAllocation,
  ApproveReport,
  ClaimRepayment,
  DecideAllocation,
  RecordPayment,
  RevokeAllocation,
  SetFrame,
  SettleRepayment,
  SubmitReport,
} from '../application/commands.js';
import { GetFrameLedgerHistory, GetGovernorOverview, GetGrant, GetGrantHistory, GetRecipientOverview, ListFrames, ListGrants } from '../application/queries.js';
import {
  AcceptGrantDto,
  AdjustFrameDto,
  AmendAllocationDto,
  ClaimRepaymentDto,
  DecideAllocationDto,
  FrameQueryDto,
  FrameViewDto,
  GovernorOverviewDto,
  GrantQueryDto,
  GrantViewDto,
  OverviewQueryDto,
  ReasonDto,
  RecipientOverviewDto,
  RecordPaymentDto,
  SetFrameDto,
  SettleRepaymentDto,
  SubmitReportDto,
} from './dto.js';

function schemeOf(s: string): Scheme {
  if (!(SCHEMES as readonly string[]).includes(s)) throw DomainError.of('scheme', 'scheme', `scheme must be one of ${SCHEMES.join(', ')}`);
  return s as Scheme;
}

@ApiTags('frames')
@ApiBearerAuth('bearer')
@Controller('frames')
export class FramesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('ministry')
  @ApiOperation({ summary: "Set a governor office's frame (ramme) for a scheme and year" })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  set(@CommandContext() meta: CommandMeta, @Body() body: SetFrameDto) {
    return this.commands.execute(new SetFrame(meta, body));
  }

  @Post(':office/:scheme/:year/adjustments')
  @HttpCode(200)
  @Roles('ministry')
  @ApiOperation({ summary: 'Adjust a frame, with a reason; never below what is charged to it (R18)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  adjust(@CommandContext() meta: CommandMeta, @Param('office') office: string, @Param('scheme') scheme: string, @Param('year', ParseIntPipe) year: number, @Body() body: AdjustFrameDto) {
    return this.commands.execute(new AdjustFrame(meta, office, schemeOf(scheme), year, body));
  }

  @Get()
  @Roles('ministry', 'governor')
  @ApiOperation({ summary: 'Frames with commitments from earlier years, decided, free, paid and repaid per office, scheme and year (ministry: all; governor: its office)' })
  @ApiOkResponse({ type: [FrameViewDto] })
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: FrameQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListFrames(actor, filter, asOf));
  }

  @Get(':office/:scheme/history')
  @Roles('ministry', 'governor')
  @ApiOperation({ summary: "The frame ledger's events: frames, adjustments, decisions, amendments, revocations (R21)" })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('office') office: string, @Param('scheme') scheme: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetFrameLedgerHistory(actor, office, schemeOf(scheme), asOf));
  }
}

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class GrantsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('governor')
  @ApiOperation({ summary: 'Decide an allocation (vedtak) for one recipient and measure, money per year (R1, R2, R9, R12, R14, R18)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  decide(@CommandContext() meta: CommandMeta, @Body() body: DecideAllocationDto) {
    return this.commands.execute(new DecideAllocation(meta, body));
  }

  @Post(':grantId/amendments')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Amend a decision, with a reason (R21, R18)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  amend(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: AmendAllocationDto) {
    return this.commands.execute(new AmendAllocation(meta, grantId, body));
  }

  @Post(':grantId/revocation')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Revoke a decision, with a reason; frees the frame (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  revoke(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: ReasonDto) {
    return this.commands.execute(new RevokeAllocation(meta, grantId, body));
  }

  @Post(':grantId/acceptance')
  @HttpCode(200)
  @Roles('school_owner', 'university')
  @ApiOperation({ summary: 'The recipient accepts the grant and commits its co-financing per year (R7, R8)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  accept(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: AcceptGrantDto) {
    return this.commands.execute(new AcceptGrant(meta, grantId, body));
  }

  @Post(':grantId/payments')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Record a payment; refused while the recipient has an overdue report (R15)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  pay(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: RecordPaymentDto) {
    return this.commands.execute(new RecordPayment(meta, grantId, body));
  }

  @Post(':grantId/reports')
  @HttpCode(200)
  @Roles('school_owner', 'university')
  @ApiOperation({ summary: "Report a year: spent, unspent, co-financing by form, participants by role, own evaluation; a university's feedback into teacher education (R7, R15, R17)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  report(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: SubmitReportDto) {
    return this.commands.execute(new SubmitReport(meta, grantId, body));
  }

  @Post(':grantId/reports/:year/approval')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: "Approve a year's report" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  approve(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Param('year', ParseIntPipe) year: number) {
    return this.commands.execute(new ApproveReport(meta, grantId, year));
  }

  @Post(':grantId/repayment-claims')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Claim money back, with amount and reason; at most what was paid (R16)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  claim(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: ClaimRepaymentDto) {
    return this.commands.execute(new ClaimRepayment(meta, grantId, body));
  }

  @Post(':grantId/repayment-claims/:claimId/settlements')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: 'Record money repaid on a claim (R16: its own event, never netted)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  settle(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Param('claimId') claimId: string, @Body() body: SettleRepaymentDto) {
    return this.commands.execute(new SettleRepayment(meta, grantId, claimId, body));
  }

  @Get()
  @ApiOperation({ summary: 'Grants visible to you (R20): ministry all, governor its office, owner or university its own' })
  @ApiOkResponse({ type: [GrantViewDto] })
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: GrantQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListGrants(actor, filter, asOf));
  }

  @Get(':grantId')
  @ApiOperation({ summary: 'One grant with its years, payments, reports and claims; its version as ETag (R20: 403 when not yours)' })
  @ApiOkResponse({ type: GrantViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('grantId') grantId: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetGrant(actor, grantId, asOf));
  }

  @Get(':grantId/history')
  @ApiOperation({ summary: "The grant's events, decision included, in order: type, time, actor, reason (R21)" })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('grantId') grantId: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetGrantHistory(actor, grantId, asOf));
  }
}

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller()
export class GrantOverviewsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('governor/overview')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "A governor office's year: frame, commitments, decided, free; per recipient and measure; overdue reports and co-financing shortfalls" })
  @ApiOkResponse({ type: GovernorOverviewDto })
  @ApiRead()
  governor(@CurrentActor() actor: Actor, @Query() filter: OverviewQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetGovernorOverview(actor, filter, asOf));
  }

  @Get('recipients/:orgNumber/grants')
  @ApiParam({ name: 'orgNumber', example: '964965226' })
  @ApiOperation({ summary: "A school owner's or university's grants, obligations (co-financing, report deadlines, repayments), reports and payments" })
  @ApiOkResponse({ type: RecipientOverviewDto })
  @ApiRead()
  recipient(@CurrentActor() actor: Actor, @Param('orgNumber') org: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetRecipientOverview(actor, org, asOf));
  }
}
