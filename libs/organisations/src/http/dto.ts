import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ReadParamsDto } from '#libs/http';
import { ORG_KINDS, type OrgKind } from '#libs/kernel';

export class RegisterOrganisationDto {
  @ApiProperty({ example: '964965226', description: 'Organisation number, 9 digits, mod-11 (R19)' }) @Matches(/^\d{9}$/) orgNumber: string;
  @ApiProperty({ example: 'Stavanger kommune' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: ORG_KINDS }) @IsIn(ORG_KINDS) kind: OrgKind;
  @ApiPropertyOptional({ example: '1103', description: 'Municipality number (4 digits); its first two digits are the county' }) @IsOptional() @Matches(/^\d{4}$/) municipalityNumber?: string;
  @ApiPropertyOptional({ example: '11', description: 'County number (2 digits), for county municipalities and universities' }) @IsOptional() @Matches(/^\d{2}$/) countyNumber?: string;
}

export class AmendOrganisationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: ORG_KINDS }) @IsOptional() @IsIn(ORG_KINDS) kind?: OrgKind;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{4}$/) municipalityNumber?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}$/) countyNumber?: string;
  @ApiProperty({ description: 'Why (R21)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class OrganisationQueryDto extends ReadParamsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: ORG_KINDS }) @IsOptional() @IsIn(ORG_KINDS) kind?: OrgKind;
}

export class OrganisationViewDto {
  @ApiProperty() orgNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORG_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String }) municipalityNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) countyNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) office: string | null;
  @ApiProperty() version: number;
}
