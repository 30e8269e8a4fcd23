import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ORG_KINDS, type OrgKind } from '#libs/kernel';

export class RegisterOrganisationDto {
  @ApiProperty({ example: '964965226', description: 'Organisation number, 9 digits, mod-11 (R19)' }) @Matches(/^\d{9}$/) orgNumber: string;
  @ApiProperty({ example: 'Stavanger kommune' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: ORG_KINDS }) @IsIn(ORG_KINDS) kind: OrgKind;
  @ApiPropertyOptional({ example: '1103', description: 'Municipality number (4 digits); its first two digits are the county' })
  @IsOptional()
  @Matches(/^\d{4}$/)
  municipalityNumber?: string;
  @ApiPropertyOptional({ example: '11', description: 'County number (2 digits), for county municipalities and universities' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  countyNumber?: string;
}
