import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '#libs/http';
import { ORG_KINDS, type Organisation, type OrgKind } from '#libs/kernel';

export type OrganisationView = Organisation & { countyName: string | null; officeName: string | null; version: number };

export class OrganisationQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: ORG_KINDS }) @IsOptional() @IsIn(ORG_KINDS) kind?: OrgKind;
}

export class OrganisationViewDto {
  @ApiProperty() orgNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORG_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String }) municipalityNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) countyNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) countyName: string | null;
  @ApiProperty({ nullable: true, type: String }) office: string | null;
  @ApiProperty({ nullable: true, type: String }) officeName: string | null;
  @ApiProperty({ description: 'Stream version; the ETag' }) version: number;
}
