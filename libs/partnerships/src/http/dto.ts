import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { WarningDto } from '#libs/http';
import { DECLINE_REASONS, type DeclineReason } from '../domain/partnership.decider.js';

export class CommitPartnershipDto {
  @ApiProperty({ type: [String], example: ['lesing', 'vurdering for læring'] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) competenceAreas: string[];
  @ApiProperty({ example: 300, description: 'Capacity in hours per school year' }) @IsInt() capacityHoursPerYear: number;
  @ApiProperty({ example: 2027, description: 'First school year of the commitment' }) @IsInt() @Min(2015) @Max(2100) fromYear: number;
  @ApiProperty({ example: 2028, description: 'Last school year of the commitment' }) @IsInt() @Min(2015) @Max(2100) toYear: number;
  @ApiProperty({ example: 'faglig kontakt, førsteamanuensis' }) @IsString() @MaxLength(200) contactRole: string;
}

export class DeclinePartnershipDto {
  @ApiProperty({ enum: DECLINE_REASONS, description: 'R3: the university lacks the competence or the capacity' }) @IsIn(DECLINE_REASONS) reason: DeclineReason;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) explanation: string;
}

export class AddSubcontractorDto {
  @ApiProperty({ example: '930000000', description: 'Org number (R19)' }) @Matches(/^\d{9}$/) orgNumber: string;
  @ApiProperty({ example: 'Kurs og Kompetanse AS' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: 20, description: "Share of the university's line, whole percent (R2: warned above the configured share)" }) @IsInt() sharePercent: number;
  @ApiProperty({ example: 'Digital workshops' }) @IsString() @IsNotEmpty() @MaxLength(1000) task: string;
}

/** The read parameters every query takes (documented by @ApiRead()); listed so the whitelist lets them through. */
export class ReadParamsDto {
  @ApiHideProperty() @IsOptional() @IsString() minPosition?: string;
  @ApiHideProperty() @IsOptional() @IsString() asOf?: string;
}

export class PartnershipListQueryDto extends ReadParamsDto {
  @ApiPropertyOptional({ enum: ['requested', 'committed', 'declined'] }) @IsOptional() @IsIn(['requested', 'committed', 'declined']) status?: string;
  @ApiPropertyOptional({ description: 'Governor or ministry: one university' }) @IsOptional() @Matches(/^\d{9}$/) university?: string;
}

export class UniversityQueryDto extends ReadParamsDto {
  @ApiPropertyOptional({ description: 'Governor or ministry: which university (a university reads its own)' }) @IsOptional() @Matches(/^\d{9}$/) university?: string;
}

export class SubcontractorDto {
  @ApiProperty() orgNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) kind: string | null;
  @ApiProperty() sharePercent: number;
  @ApiProperty() task: string;
}

export class MeasureBriefDto {
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() targetGroup: string;
  @ApiProperty({ type: [String] }) schools: string[];
  @ApiProperty({ type: Object }) participants: object;
  @ApiProperty() startYear: number;
  @ApiProperty() spanYears: number;
}

export class PartnershipViewDto {
  @ApiProperty() measureId: string;
  @ApiProperty() assessmentId: string;
  @ApiProperty() callId: string;
  @ApiProperty() office: string;
  @ApiProperty() leadOwner: string;
  @ApiProperty() assessmentStatus: string;
  @ApiProperty() university: string;
  @ApiProperty({ description: 'The measure names this university now' }) current: boolean;
  @ApiProperty({ nullable: true, type: Boolean, description: 'R3: the university is in the region' }) local: boolean | null;
  @ApiProperty({ enum: ['requested', 'committed', 'declined'] }) status: string;
  @ApiProperty({ nullable: true, type: String, enum: DECLINE_REASONS }) declineReason: string | null;
  @ApiProperty({ nullable: true, type: String }) explanation: string | null;
  @ApiProperty({ nullable: true, type: [String] }) competenceAreas: string[] | null;
  @ApiProperty({ nullable: true, type: Number }) capacityHoursPerYear: number | null;
  @ApiProperty({ nullable: true, type: Number }) fromYear: number | null;
  @ApiProperty({ nullable: true, type: Number }) toYear: number | null;
  @ApiProperty({ nullable: true, type: String }) contactRole: string | null;
  @ApiProperty({ type: [SubcontractorDto] }) subcontractors: SubcontractorDto[];
  @ApiProperty() subcontractorSharePercent: number;
  @ApiProperty({ type: [WarningDto] }) warnings: WarningDto[];
  @ApiProperty({ type: MeasureBriefDto }) measure: MeasureBriefDto;
  @ApiProperty({ description: 'Partnership stream version; the ETag (0 before any answer)' }) version: number;
}

export class CapacityYearDto {
  @ApiProperty() year: number;
  @ApiProperty() hours: number;
  @ApiProperty() measures: number;
}

export class CapacityViewDto {
  @ApiProperty() university: string;
  @ApiProperty({ type: [CapacityYearDto] }) years: CapacityYearDto[];
}
