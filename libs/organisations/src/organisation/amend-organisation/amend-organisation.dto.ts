import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ORG_KINDS, type OrgKind } from '#libs/kernel';

export class AmendOrganisationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: ORG_KINDS }) @IsOptional() @IsIn(ORG_KINDS) kind?: OrgKind;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{4}$/) municipalityNumber?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}$/) countyNumber?: string;
  @ApiProperty({ description: 'Why (R21)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
