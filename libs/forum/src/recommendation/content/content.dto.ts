import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OUTCOMES, type Outcome } from './content.js';

export class VoteDto {
  @ApiProperty({ example: 4 }) @IsInt() @Min(0) for: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) against: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) abstain: number;
}

/** Every part is optional here so the domain can name every missing part at once (R13, 422). */
export class AmountDto {
  @ApiPropertyOptional({ example: '964965226' }) @IsOptional() @Matches(/^\d{9}$/) recipientOrg?: string;
  @ApiPropertyOptional({ example: 2027 }) @IsOptional() @IsInt() @Min(2015) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: 400000, description: 'Whole kroner' }) @IsOptional() @IsInt() @Min(0) amount?: number;
}

export class RecommendedMeasureDto {
  @ApiPropertyOptional({ description: "The measure's id in its needs assessment" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  measureId?: string;
  @ApiPropertyOptional({ example: 'All teachers at 12 lower secondary schools' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  participants?: string;
  @ApiPropertyOptional({ example: 2027, description: 'First school year (duration)' }) @IsOptional() @IsInt() startYear?: number;
  @ApiPropertyOptional({ example: 2, description: 'Number of school years, 1–3 (R9)' }) @IsOptional() @IsInt() spanYears?: number;
  @ApiPropertyOptional({ description: 'How the measure meets the criteria' }) @IsOptional() @IsString() @MaxLength(5000) criteria?: string;
  @ApiPropertyOptional({ type: [String], description: 'School owners working together' })
  @IsOptional()
  @IsArray()
  @Matches(/^\d{9}$/, { each: true })
  cooperatingOwners?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Universities working with them' })
  @IsOptional()
  @IsArray()
  @Matches(/^\d{9}$/, { each: true })
  cooperatingUniversities?: string[];
  @ApiPropertyOptional({ type: [AmountDto], description: 'Money per recipient and year' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AmountDto)
  amounts?: AmountDto[];
}

export class RecommendationContentDto {
  @ApiProperty({ example: 'MT1', description: 'The meeting where the forum reached its outcome' })
  @IsString()
  @IsNotEmpty()
  meetingId: string;
  @ApiProperty({ enum: OUTCOMES, description: "'no_agreement': the forum did not agree and the governor decides (R12)" })
  @IsIn(OUTCOMES)
  outcome: Outcome;
  @ApiPropertyOptional({ type: VoteDto, description: "Required for outcome 'vote'; allowed for 'no_agreement'" })
  @IsOptional()
  @ValidateNested()
  @Type(() => VoteDto)
  vote?: VoteDto;
  @ApiPropertyOptional({ type: [RecommendedMeasureDto], description: 'In priority order (R13)' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecommendedMeasureDto)
  measures?: RecommendedMeasureDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) note?: string;
}
