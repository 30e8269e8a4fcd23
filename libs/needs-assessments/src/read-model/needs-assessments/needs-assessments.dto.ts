import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { PageQueryDto, WarningDto } from '#libs/http';
import { AssessmentContentDto } from '../../needs-assessment/update-content/update-content.dto.js';

export class AssessmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() callId?: string;
  @ApiPropertyOptional({ enum: ['draft', 'submitted', 'amended', 'withdrawn'] })
  @IsOptional()
  @IsIn(['draft', 'submitted', 'amended', 'withdrawn'])
  status?: string;
}

export class InboxQueryDto extends PageQueryDto {
  @ApiProperty() @IsString() @IsNotEmpty() callId: string;
}

export class OrgNameDto {
  @ApiProperty() org: string;
  @ApiProperty({ nullable: true, type: String, description: 'As of the time asked for' }) name: string | null;
}

export class AssessmentSummaryDto {
  @ApiProperty() assessmentId: string;
  @ApiProperty() callId: string;
  @ApiProperty() office: string;
  @ApiProperty({ nullable: true, type: String }) officeName: string | null;
  @ApiProperty() scheme: string;
  @ApiProperty() year: number;
  @ApiProperty() leadOwner: string;
  @ApiProperty({ nullable: true, type: String, description: "The lead owner's name (as of the time asked for)" }) leadOwnerName:
    string | null;
  @ApiProperty({ type: [OrgNameDto], description: 'The network members besides the lead owner' }) networkMembers: OrgNameDto[];
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
  @ApiProperty({ nullable: true, type: String }) name: string | null;
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
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "Measures with lines per organisation, the university partner's name and partnership answers",
  })
  measures: object[];
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
