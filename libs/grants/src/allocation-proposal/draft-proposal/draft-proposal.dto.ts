import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, Min } from 'class-validator';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { MAX_KRONER } from '../../common/dto-decorators.js';
import { KEYS, type AllocationKey } from '../allocation-proposal.aggregate.js';

export class DraftProposalDto {
  @ApiPropertyOptional({ description: "The governor's own office (default)" }) @IsOptional() @IsString() office?: string;
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty({ example: 2023, description: "The decision year (the call's year)" }) @IsInt() @Min(2015) @Max(2100) year: number;
  @ApiProperty({ enum: KEYS, description: 'R25: pro rata to the amount requested, by participants, in equal shares, or by weights' })
  @IsIn(KEYS)
  key: AllocationKey;
  @ApiPropertyOptional({
    description: "Whole kroner to split; default: the decision year's free amount after earlier commitments (R9, R18)",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_KRONER)
  amount?: number;
  @ApiPropertyOptional({ description: "Key 'weights': weight per measure id", example: { 'm-1': 2, 'm-2': 1 } })
  @IsOptional()
  @IsObject()
  weights?: Record<string, number>;
  @ApiPropertyOptional({ description: "Key 'weights': weight per theme (a measure without its own weight takes its largest theme weight)" })
  @IsOptional()
  @IsObject()
  themeWeights?: Record<string, number>;
  @ApiPropertyOptional({ description: "Key 'participants': planned participants per measure id" })
  @IsOptional()
  @IsObject()
  participants?: Record<string, number>;
  @ApiPropertyOptional({
    enum: ['recommendation', 'submitted'],
    description: "The forum's recommended measures (default where there is a recommendation) or every submitted measure of the call",
  })
  @IsOptional()
  @IsIn(['recommendation', 'submitted'])
  source?: 'recommendation' | 'submitted';
}
