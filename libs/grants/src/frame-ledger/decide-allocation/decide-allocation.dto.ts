import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { AmountLineDto, AmountLines } from '../../common/dto-decorators.js';
import { MEASURE_ID_PATTERN } from '../../common/grant-id.js';

export class DecideAllocationDto {
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty({ example: 2028, description: "The decision year (the call's year)" }) @IsInt() @Min(2015) @Max(2100) year: number;
  @ApiProperty({ example: 'm-1', description: 'The measure (tiltak) of a needs assessment' })
  @IsString()
  @Matches(MEASURE_ID_PATTERN)
  measureId: string;
  @ApiProperty({ example: '964965226', description: 'The recipient: a school owner or a university (R1, R2)' })
  @Matches(/^\d{9}$/)
  recipientOrg: string;
  @ApiPropertyOptional({ description: "The call (default: the measure's call)" }) @IsOptional() @IsString() @MaxLength(200) callId?: string;
  @AmountLines('Money per year: the decision year and up to two later years, which are commitments against later frames (R9)')
  amounts: AmountLineDto[];
  @ApiPropertyOptional({ description: "Required where the decision differs from the forum's recommendation (R12)" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  deviationReason?: string;
  @ApiPropertyOptional({
    example: '2028/17',
    description: "The case number (saksnummer) of the decision (R22); default the office's next, in its letter settings' format",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  caseNumber?: string;
}
