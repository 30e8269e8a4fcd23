import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ReadParamsDto } from '#libs/http';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { MEASURE_ID_PATTERN } from '../domain/grant-id.js';

const MAX_KRONER = Number.MAX_SAFE_INTEGER;
const Kroner = (description?: string) => (target: object, key: string) => {
  ApiProperty({ type: 'integer', minimum: 0, example: 100_000, description: description ?? 'Whole kroner' })(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(MAX_KRONER)(target, key);
};
const Year = () => (target: object, key: string) => {
  ApiProperty({ example: 2028 })(target, key);
  IsInt()(target, key);
  Min(2015)(target, key);
  Max(2100)(target, key);
};
const Reason = (description = 'Why (R21)') => (target: object, key: string) => {
  ApiProperty({ description, example: 'Revised national budget' })(target, key);
  IsString()(target, key);
  IsNotEmpty()(target, key);
  MaxLength(2000)(target, key);
};

// ---------- commands ----------

export class SetFrameDto {
  @ApiProperty({ example: 'ROGALAND', description: 'Governor office code' }) @IsString() @Matches(/^[A-Z_]{2,40}$/) office: string;
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @Year() year: number;
  @Kroner('The frame (ramme) in whole kroner') amount: number;
}

export class AdjustFrameDto {
  @Kroner('The new frame in whole kroner (not below what is charged to it, R18)') amount: number;
  @Reason() reason: string;
}

export class AmountLineDto {
  @Year() year: number;
  @Kroner() amount: number;
}

export class DecideAllocationDto {
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty({ example: 2028, description: 'The decision year (the call\'s year)' }) @IsInt() @Min(2015) @Max(2100) year: number;
  @ApiProperty({ example: 'm-1', description: 'The measure (tiltak) of a needs assessment' }) @IsString() @Matches(MEASURE_ID_PATTERN) measureId: string;
  @ApiProperty({ example: '964965226', description: 'The recipient: a school owner or a university (R1, R2)' }) @Matches(/^\d{9}$/) recipientOrg: string;
  @ApiPropertyOptional({ description: 'The call (default: the office\'s call for the scheme and year, or the measure\'s)' }) @IsOptional() @IsString() @MaxLength(200) callId?: string;
  @ApiProperty({ type: [AmountLineDto], description: 'Money per year: the decision year and up to two later years, which are commitments against later frames (R9)' })
  @IsArray() @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => AmountLineDto) amounts: AmountLineDto[];
  @ApiPropertyOptional({ description: 'Required where the decision differs from the forum\'s recommendation (R12)' }) @IsOptional() @IsString() @MaxLength(2000) deviationReason?: string;
}

export class AmendAllocationDto {
  @ApiProperty({ type: [AmountLineDto], description: 'The new money per year (replaces the earlier lines)' })
  @IsArray() @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => AmountLineDto) amounts: AmountLineDto[];
  @Reason('Why (R21); also the reason for any difference from the recommendation (R12)') reason: string;
}

export class ReasonDto {
  @Reason() reason: string;
}

export class CoFinancingFormsDto {
  @Kroner('Co-financing as money') money: number;
  @Kroner('Co-financing as salary') salary: number;
  @Kroner('Co-financing as released staff time, valued in kroner') releasedTime: number;
}

export class CoFinancingLineDto extends CoFinancingFormsDto {
  @Year() year: number;
}

export class AcceptGrantDto {
  @ApiProperty({ type: [CoFinancingLineDto], description: 'R7: per year at least ceil(30 % of the grant) for a school owner in DEKOMP; none for universities, REKOMP and KOMPLØFT (R8)' })
  @IsArray() @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => CoFinancingLineDto) coFinancing: CoFinancingLineDto[];
}

export class RecordPaymentDto {
  @Year() year: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 100_000 }) @IsInt() @Min(1) @Max(MAX_KRONER) amount: number;
  @ApiPropertyOptional({ example: '2028-06-01', description: 'Default: today' }) @IsOptional() @IsISO8601({ strict: true }) paidOn?: string;
}

export class ParticipantCountDto {
  @ApiProperty({ example: 'teacher', description: 'Role, e.g. teacher, school_leader, assistant, ppt' }) @IsString() @IsNotEmpty() @MaxLength(100) role: string;
  @ApiProperty({ example: 40 }) @IsInt() @Min(0) @Max(1_000_000) count: number;
}

export class SubmitReportDto {
  @Year() year: number;
  @Kroner('State money spent') spent: number;
  @Kroner('State money not spent (spent + unspent = paid)') unspent: number;
  @ApiProperty({ type: CoFinancingFormsDto }) @ValidateNested() @Type(() => CoFinancingFormsDto) coFinancingProvided: CoFinancingFormsDto;
  @ApiProperty({ type: [ParticipantCountDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ParticipantCountDto) participants: ParticipantCountDto[];
  @ApiProperty({ description: 'The recipient\'s own evaluation of the measure' }) @IsString() @IsNotEmpty() @MaxLength(10_000) evaluation: string;
  @ApiPropertyOptional({ description: 'R17: required of a university: how the partnership fed back into teacher education' }) @IsOptional() @IsString() @MaxLength(10_000) teacherEducationFeedback?: string;
}

export class ClaimRepaymentDto {
  @ApiPropertyOptional({ example: 2028 }) @IsOptional() @IsInt() @Min(2015) @Max(2100) year?: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 10_000 }) @IsInt() @Min(1) @Max(MAX_KRONER) amount: number;
  @Reason('Why the money is claimed back (R16)') reason: string;
}

export class SettleRepaymentDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 10_000 }) @IsInt() @Min(1) @Max(MAX_KRONER) amount: number;
  @ApiPropertyOptional({ example: '2029-03-01', description: 'Default: today' }) @IsOptional() @IsISO8601({ strict: true }) settledOn?: string;
}

// ---------- queries ----------

export class FrameQueryDto extends ReadParamsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: SCHEMES }) @IsOptional() @IsIn(SCHEMES) scheme?: Scheme;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2015) @Max(2100) year?: number;
}

export class GrantQueryDto extends FrameQueryDto {
  @ApiPropertyOptional({ description: 'Recipient org number' }) @IsOptional() @Matches(/^\d{9}$/) recipientOrg?: string;
}

export class OverviewQueryDto extends ReadParamsDto {
  @ApiPropertyOptional({ description: 'Office code (the ministry must give it; a governor sees its own)' }) @IsOptional() @IsString() office?: string;
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2015) @Max(2100) year: number;
}

export class FrameViewDto {
  @ApiProperty() office: string;
  @ApiProperty({ enum: SCHEMES }) scheme: string;
  @ApiProperty() year: number;
  @ApiProperty() frame: number;
  @ApiProperty() adjustments: number;
  @ApiProperty({ description: 'R9: earlier years\' decisions charged to this frame' }) committedFromEarlierYears: number;
  @ApiProperty() decidedThisYear: number;
  @ApiProperty({ description: 'frame − commitments from earlier years − this year\'s decisions' }) free: number;
  @ApiProperty({ description: 'This year\'s decisions charged to later frames' }) committedToLaterYears: number;
  @ApiProperty() paid: number;
  @ApiProperty() repaymentClaimed: number;
  @ApiProperty() repaid: number;
  @ApiProperty({ description: 'The frame ledger\'s version' }) version: number;
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
  @ApiProperty({ enum: SCHEMES }) scheme: string;
  @ApiProperty() decisionYear: number;
  @ApiProperty() callId: string;
  @ApiProperty() measureId: string;
  @ApiProperty() recipientOrg: string;
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
  @ApiProperty({ description: 'The grant stream\'s version (the ETag)' }) version: number;
  @ApiProperty() decisionVersion: number;
}

export class GovernorOverviewDto {
  @ApiProperty() office: string;
  @ApiProperty() scheme: string;
  @ApiProperty() year: number;
  @ApiProperty() today: string;
  @ApiProperty({ type: FrameViewDto, nullable: true }) frame: FrameViewDto | null;
  @ApiProperty({ type: [Object], description: 'Per recipient and measure: recommended vs decided, accepted, co-financing, paid, report status' }) lines: unknown[];
  @ApiProperty({ type: [Object], description: 'R15: overdue reports' }) overdue: unknown[];
  @ApiProperty({ type: [Object], description: 'R7: co-financing shortfalls' }) shortfall: unknown[];
}

export class RecipientOverviewDto {
  @ApiProperty() org: string;
  @ApiProperty() today: string;
  @ApiProperty({ type: [GrantViewDto] }) grants: GrantViewDto[];
  @ApiProperty({ type: [Object], description: 'Co-financing, report deadlines and outstanding repayments' }) obligations: unknown[];
  @ApiProperty({ type: [Object] }) payments: unknown[];
}
