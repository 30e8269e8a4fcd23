import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ORG } from '../common.dto.js';

export class ReplaceUniversityDto {
  @ApiProperty({ example: '970546200' }) @Matches(ORG) universityOrg: string;
  @ApiProperty({ example: 'UiS declined for lack of capacity' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
