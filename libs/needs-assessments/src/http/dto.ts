import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { WarningDto } from '#libs/http';
import { BUDGET_CATEGORIES, CO_FINANCING_FORMS, NATIONAL_GOALS } from '../domain/needs-assessment.types.js';

const ORG = /^\d{9}$/;

export class CreateNeedsAssessmentDto {
  @ApiProperty({ example: 'rogaland-dekomp-2027' }) @IsString() @IsNotEmpty() @MaxLength(100) callId: string;
  @ApiProperty({ example: 'Behovsmelding Stavanger 2027' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiPropertyOptional({ description: 'Summary of the local analysis' }) @IsOptional() @IsString() @MaxLength(10000) summary?: string;
}

export class AnchoringDto {
  @ApiProperty({ description: 'R4: how staff were involved' }) @IsString() @MaxLength(5000) staffInvolvement: string;
  @ApiProperty({ description: 'R4: how school leaders were involved' }) @IsString() @MaxLength(5000) leaderInvolvement: string;
  @ApiProperty({ description: "R4: the university's part in the analysis" }) @IsString() @MaxLength(5000) universityParticipation: string;
  @ApiProperty({ type: [String], description: "R4: the owner's plans the assessment rests on" }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) plans: string[];
}

export class ThemesDto {
  @ApiProperty({ type: [String], enum: NATIONAL_GOALS, description: 'National goals' }) @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) goals: string[];
  @ApiProperty({ type: [String], description: 'Free tags' }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) tags: string[];
}

export class AssessmentContentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ description: 'Summary of the local analysis (R4)' }) @IsString() @MaxLength(10000) summary: string;
  @ApiProperty({ type: AnchoringDto }) @ValidateNested() @Type(() => AnchoringDto) anchoring: AnchoringDto;
  @ApiProperty({ type: ThemesDto }) @ValidateNested() @Type(() => ThemesDto) themes: ThemesDto;
}

export class InviteOwnerDto {
  @ApiProperty({ example: '964965226', description: 'The school owner invited into the network (R10)' }) @Matches(ORG) orgNumber: string;
}

export class ParticipantsDto {
  @ApiProperty() @IsInt() @Min(0) teachers: number;
  @ApiProperty() @IsInt() @Min(0) leaders: number;
  @ApiProperty() @IsInt() @Min(0) otherStaff: number;
}

export class MeasureFieldsDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty() @IsString() @MaxLength(10000) description: string;
  @ApiProperty() @IsString() @MaxLength(500) targetGroup: string;
  @ApiProperty({ type: [String], description: 'Schools or units covered' }) @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) schools: string[];
  @ApiProperty({ type: ParticipantsDto }) @ValidateNested() @Type(() => ParticipantsDto) participants: ParticipantsDto;
  @ApiProperty({ example: 2027, description: 'R9: first school year' }) @IsInt() @Min(2015) @Max(2100) startYear: number;
  @ApiProperty({ example: 2, description: 'R9: 1–3 school years' }) @IsInt() spanYears: number;
}

export class AddMeasureDto extends MeasureFieldsDto {
  @ApiProperty({ example: '971564679', description: 'R3: the university partner (org number)' }) @Matches(ORG) universityOrg: string;
}

export class BudgetLineDto {
  @ApiProperty({ example: 2027 }) @IsInt() year: number;
  @ApiProperty({ enum: BUDGET_CATEGORIES, description: 'R6: allowed uses' }) @IsString() category: string;
  @ApiProperty({ description: 'Whole kroner' }) @IsInt() @Min(0) amount: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) description?: string;
  @ApiPropertyOptional({ description: 'R5: credit-bearing lines are refused' }) @IsOptional() @IsBoolean() creditBearing?: boolean;
  @ApiPropertyOptional({ description: 'R5: individual lines are refused' }) @IsOptional() @IsBoolean() individual?: boolean;
}

export class CoFinancingLineDto {
  @ApiProperty({ example: 2027 }) @IsInt() year: number;
  @ApiProperty({ description: 'Whole kroner' }) @IsInt() @Min(0) amount: number;
  @ApiProperty({ enum: CO_FINANCING_FORMS }) @IsString() form: string;
}

export class MeasureLinesDto {
  @ApiProperty({ type: [BudgetLineDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => BudgetLineDto) budget: BudgetLineDto[];
  @ApiProperty({ type: [CoFinancingLineDto], description: 'R7: planned co-financing (owners only)' }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CoFinancingLineDto) coFinancing: CoFinancingLineDto[];
}

export class ReplaceUniversityDto {
  @ApiProperty({ example: '970546200' }) @Matches(ORG) universityOrg: string;
  @ApiProperty({ example: 'UiS declined for lack of capacity' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'Why (R21)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

/** The read parameters every query takes (documented by @ApiRead()); listed so the whitelist lets them through. */
export class ReadParamsDto {
  @ApiHideProperty() @IsOptional() @IsString() minPosition?: string;
  @ApiHideProperty() @IsOptional() @IsString() asOf?: string;
}

export class AssessmentListQueryDto extends ReadParamsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() callId?: string;
  @ApiPropertyOptional({ enum: ['draft', 'submitted', 'amended', 'withdrawn'] }) @IsOptional() @IsIn(['draft', 'submitted', 'amended', 'withdrawn']) status?: string;
}

export class InboxQueryDto extends ReadParamsDto {
  @ApiProperty() @IsString() @IsNotEmpty() callId: string;
}

export class MeasureCommandResultDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() position: number;
  @ApiProperty({ type: [WarningDto] }) warnings: WarningDto[];
  @ApiProperty({ description: 'The new measure (uuid)' }) measureId: string;
}

export class AssessmentSummaryDto {
  @ApiProperty() assessmentId: string;
  @ApiProperty() callId: string;
  @ApiProperty() office: string;
  @ApiProperty() scheme: string;
  @ApiProperty() year: number;
  @ApiProperty() leadOwner: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'amended', 'withdrawn'] }) status: string;
  @ApiProperty() network: boolean;
  @ApiProperty({ description: 'R14: submitted after the deadline' }) late: boolean;
  @ApiProperty({ description: 'Submitted versions' }) versions: number;
  @ApiProperty({ type: [WarningDto], description: 'Open warnings' }) warnings: WarningDto[];
  @ApiProperty({ nullable: true, type: String }) deadline: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ description: 'Stream version; the ETag' }) version: number;
}

export class MemberDto {
  @ApiProperty() org: string;
  @ApiProperty({ enum: ['lead', 'network'] }) role: string;
  @ApiProperty({ nullable: true, type: Number }) confirmedRevision: number | null;
  @ApiProperty() confirmedCurrent: boolean;
}

export class PartnershipStateDto {
  @ApiProperty() measureId: string;
  @ApiProperty() university: string;
  @ApiProperty({ enum: ['requested', 'committed', 'declined'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class VersionEntryDto {
  @ApiProperty() versionNo: number;
  @ApiProperty({ enum: ['submitted', 'amended'] }) kind: string;
  @ApiProperty() late: boolean;
  @ApiProperty() submittedOn: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() recordedAt: string;
}

export class AssessmentDetailDto extends AssessmentSummaryDto {
  @ApiProperty() ruleSetVersion: string;
  @ApiProperty({ description: 'Revision of the working copy (network owners confirm one revision)' }) revision: number;
  @ApiProperty({ nullable: true, type: String }) withdrawnReason: string | null;
  @ApiProperty({ type: AssessmentContentDto }) content: AssessmentContentDto;
  @ApiProperty({ type: [MemberDto] }) members: MemberDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Measures with lines per organisation and partnership answers' }) measures: object[];
  @ApiProperty({ type: [VersionEntryDto] }) versionList: VersionEntryDto[];
}

export class AssessmentVersionDto {
  @ApiProperty() assessmentId: string;
  @ApiProperty() versionNo: number;
  @ApiProperty() kind: string;
  @ApiProperty() late: boolean;
  @ApiProperty() submittedOn: string;
  @ApiProperty() deadline: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: Object, description: 'The assessment as submitted: content, owners, measures' }) snapshot: object;
  @ApiProperty({ type: [WarningDto] }) warnings: WarningDto[];
  @ApiProperty() recordedAt: string;
}
