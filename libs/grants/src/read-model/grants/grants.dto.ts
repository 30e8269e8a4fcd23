import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PageQueryDto, ReadParamsDto } from '#libs/http';
import { SCHEMES, type Scheme } from '#libs/kernel';

// ---------- queries ----------

export class FrameQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: SCHEMES }) @IsOptional() @IsIn(SCHEMES) scheme?: Scheme;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2015) @Max(2100) year?: number;
}

export class GrantQueryDto extends FrameQueryDto {
  @ApiPropertyOptional({ description: 'Recipient org number' }) @IsOptional() @Matches(/^\d{9}$/) recipientOrg?: string;
}

export class OverviewQueryDto extends ReadParamsDto {
  @ApiPropertyOptional({ description: 'Office code (the ministry must give it; a governor sees its own)' })
  @IsOptional()
  @IsString()
  office?: string;
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2015) @Max(2100) year: number;
}

const NAME = { nullable: true, type: String } as const;

export class FrameViewDto {
  @ApiProperty() office: string;
  @ApiProperty({ ...NAME, example: 'Statsforvalteren i Rogaland' }) officeName: string | null;
  @ApiProperty({ enum: SCHEMES }) scheme: string;
  @ApiProperty() year: number;
  @ApiProperty() frame: number;
  @ApiProperty() adjustments: number;
  @ApiProperty({ description: "R9: earlier years' decisions charged to this frame" }) committedFromEarlierYears: number;
  @ApiProperty() decidedThisYear: number;
  @ApiProperty({ description: "frame − commitments from earlier years − this year's decisions" }) free: number;
  @ApiProperty({ description: "This year's decisions charged to later frames" }) committedToLaterYears: number;
  @ApiProperty() paid: number;
  @ApiProperty() repaymentClaimed: number;
  @ApiProperty() repaid: number;
  @ApiProperty({ description: "The frame ledger's version" }) version: number;
}

export class GrantYearViewDto {
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: Number }) recommended: number | null;
  @ApiProperty() decided: number;
  @ApiProperty() coFinancingRequired: number;
  @ApiProperty({ nullable: true, type: Number }) coFinancingCommitted: number | null;
  @ApiProperty({ nullable: true, type: Number }) coFinancingDocumented: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'R7: missing co-financing' }) coFinancingShortfall: number | null;
  @ApiProperty() paid: number;
  @ApiProperty() reportDeadline: string;
  @ApiProperty({ enum: ['due', 'submitted', 'approved'] }) reportStatus: string;
  @ApiProperty() reportOverdue: boolean;
  @ApiProperty({ nullable: true, type: String }) reportSubmittedOn: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) reportLate: boolean | null;
  @ApiProperty({ nullable: true, type: Object }) report: unknown;
  @ApiProperty() repaymentClaimed: number;
  @ApiProperty() repaid: number;
}

export class PaymentViewDto {
  @ApiProperty() paymentId: string;
  @ApiProperty() year: number;
  @ApiProperty() amount: number;
  @ApiProperty() paidOn: string;
}

export class ClaimViewDto {
  @ApiProperty() claimId: string;
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty() amount: number;
  @ApiProperty() reason: string;
  @ApiProperty() claimedOn: string;
  @ApiProperty() settled: number;
  @ApiProperty() outstanding: number;
}

export class GrantViewDto {
  @ApiProperty() grantId: string;
  @ApiProperty() office: string;
  @ApiProperty(NAME) officeName: string | null;
  @ApiProperty({ enum: SCHEMES }) scheme: string;
  @ApiProperty() decisionYear: number;
  @ApiProperty() callId: string;
  @ApiProperty() measureId: string;
  @ApiProperty({ ...NAME, description: "The measure's title (as of the time asked for)" }) measureTitle: string | null;
  @ApiProperty() recipientOrg: string;
  @ApiProperty({ ...NAME, description: "The recipient's name (as of the time asked for)" }) recipientName: string | null;
  @ApiProperty() recipientKind: string;
  @ApiProperty({ enum: ['active', 'revoked'] }) status: string;
  @ApiProperty({ enum: ['recommendation', 'no_agreement', 'no_recommendation'] }) basis: string;
  @ApiProperty({ nullable: true, type: String }) recommendationId: string | null;
  @ApiProperty({ description: 'R12: the decision differs from the recommendation' }) deviates: boolean;
  @ApiProperty({ nullable: true, type: String }) deviationReason: string | null;
  @ApiProperty() ruleSetVersion: string;
  @ApiProperty() decidedOn: string;
  @ApiProperty() decisionDate: string;
  @ApiProperty() amendments: number;
  @ApiProperty({ nullable: true, type: String }) revocationReason: string | null;
  @ApiProperty({ type: [Object] }) warnings: unknown[];
  @ApiProperty({ nullable: true, type: String }) acceptedOn: string | null;
  @ApiProperty({ type: [GrantYearViewDto] }) years: GrantYearViewDto[];
  @ApiProperty({ type: [PaymentViewDto] }) payments: PaymentViewDto[];
  @ApiProperty({ type: [ClaimViewDto] }) claims: ClaimViewDto[];
  @ApiProperty({
    description: "The grant's version, the ETag its commands check (If-Match): the ledger's changes to it plus its own stream's version",
  })
  version: number;
  @ApiProperty() decisionVersion: number;
}

export class OverviewLineDto extends OmitType(GrantYearViewDto, ['report'] as const) {
  @ApiProperty() grantId: string;
  @ApiProperty() measureId: string;
  @ApiProperty(NAME) measureTitle: string | null;
  @ApiProperty() recipientOrg: string;
  @ApiProperty(NAME) recipientName: string | null;
  @ApiProperty() recipientKind: string;
  @ApiProperty() decisionYear: number;
  @ApiProperty() status: string;
  @ApiProperty() deviates: boolean;
  @ApiProperty() accepted: boolean;
}

export class OverdueReportDto {
  @ApiProperty() grantId: string;
  @ApiProperty() recipientOrg: string;
  @ApiProperty(NAME) recipientName: string | null;
  @ApiProperty() year: number;
  @ApiProperty() reportDeadline: string;
}

export class ShortfallDto {
  @ApiProperty() grantId: string;
  @ApiProperty() recipientOrg: string;
  @ApiProperty(NAME) recipientName: string | null;
  @ApiProperty() year: number;
  @ApiProperty() coFinancingRequired: number;
  @ApiProperty() coFinancingDocumented: number;
  @ApiProperty() coFinancingShortfall: number;
}

export class GovernorOverviewDto {
  @ApiProperty() office: string;
  @ApiProperty(NAME) officeName: string | null;
  @ApiProperty() scheme: string;
  @ApiProperty() year: number;
  @ApiProperty() today: string;
  @ApiProperty({ type: FrameViewDto, nullable: true }) frame: FrameViewDto | null;
  @ApiProperty({
    type: [OverviewLineDto],
    description: 'Per recipient and measure: recommended vs decided, accepted, co-financing, paid, report status',
  })
  lines: OverviewLineDto[];
  @ApiProperty({ type: [OverdueReportDto], description: 'R15: overdue reports' }) overdue: OverdueReportDto[];
  @ApiProperty({ type: [ShortfallDto], description: 'R7: co-financing shortfalls' }) shortfall: ShortfallDto[];
}

export class RecipientOverviewDto {
  @ApiProperty() org: string;
  @ApiProperty(NAME) orgName: string | null;
  @ApiProperty() today: string;
  @ApiProperty({ type: [GrantViewDto] }) grants: GrantViewDto[];
  @ApiProperty({ type: [Object], description: 'Co-financing, report deadlines and outstanding repayments' }) obligations: unknown[];
  @ApiProperty({ type: [Object] }) payments: unknown[];
}
