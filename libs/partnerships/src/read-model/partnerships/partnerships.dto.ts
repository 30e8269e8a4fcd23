import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto, ReadParamsDto, WarningDto } from '#libs/http';
import { DECLINE_REASONS } from '../../partnership/partnership.aggregate.js';

export class PartnershipListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['requested', 'committed', 'declined'] })
  @IsOptional()
  @IsIn(['requested', 'committed', 'declined'])
  status?: string;
  @ApiPropertyOptional({ description: 'Governor or ministry: one university' }) @IsOptional() @Matches(/^\d{9}$/) university?: string;
}

export class UniversityQueryDto extends ReadParamsDto {
  @ApiPropertyOptional({ description: 'Governor or ministry: which university (a university reads its own)' })
  @IsOptional()
  @Matches(/^\d{9}$/)
  university?: string;
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
  @ApiProperty() measureTitle: string;
  @ApiProperty() assessmentId: string;
  @ApiProperty() callId: string;
  @ApiProperty() office: string;
  @ApiProperty({ nullable: true, type: String }) officeName: string | null;
  @ApiProperty() leadOwner: string;
  @ApiProperty({ nullable: true, type: String, description: "The lead owner's name (as of the time asked for)" }) leadOwnerName:
    string | null;
  @ApiProperty() assessmentStatus: string;
  @ApiProperty() university: string;
  @ApiProperty({ nullable: true, type: String, description: "The university's name (as of the time asked for)" }) universityName:
    string | null;
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

/** A history page's query: the university (governor or ministry) and the page. */
export class UniversityPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Governor or ministry: which university (a university reads its own)' })
  @IsOptional()
  @Matches(/^\d{9}$/)
  university?: string;
}
