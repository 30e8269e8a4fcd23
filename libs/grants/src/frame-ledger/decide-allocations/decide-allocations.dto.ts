import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { AmountLineDto, AmountLines } from '../../common/dto-decorators.js';
import { MEASURE_ID_PATTERN } from '../../common/grant-id.js';

/** At most this many lines in one batch (an office's whole decision day is ~230). */
export const MAX_BULK_LINES = 1000;

export class BulkLineDto {
  @ApiProperty({ example: 'm-1' }) @IsString() @Matches(MEASURE_ID_PATTERN) measureId: string;
  @ApiProperty({ example: '964965226' }) @Matches(/^\d{9}$/) recipientOrg: string;
  @AmountLines('Money per year (R9)') amounts: AmountLineDto[];
  @ApiPropertyOptional({ description: 'Why this line departs from the recommendation (R12)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  deviationReason?: string;
}

export class DecideAllocationsDto {
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2015) @Max(2100) year: number;
  @ApiPropertyOptional({ description: 'Decide the lines of this allocation proposal (R25)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  proposalId?: string;
  @ApiPropertyOptional({ description: "Decide the forum's recommended lines for the call" })
  @IsOptional()
  @IsBoolean()
  fromRecommendation?: boolean;
  @ApiPropertyOptional({ description: 'The reason for every line that departs from the recommendation and has none of its own (R12)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional({
    type: [BulkLineDto],
    description: 'Lines to decide; with a proposal or the recommendation, a line here replaces theirs for its measure and recipient',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BULK_LINES)
  @ValidateNested({ each: true })
  @Type(() => BulkLineDto)
  lines?: BulkLineDto[];
}
