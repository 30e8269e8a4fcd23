import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { BUDGET_CATEGORIES, CO_FINANCING_FORMS } from '../needs-assessment.types.js';

export class BudgetLineDto {
  @ApiProperty({ example: 2027 }) @IsInt() year: number;
  @ApiProperty({ enum: BUDGET_CATEGORIES, description: 'R6: allowed uses' }) @IsString() category: string;
  @ApiProperty({ description: 'Whole kroner' }) @IsInt() @Min(0) amount: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) description?: string;
  @ApiPropertyOptional({ description: 'R5: credit-bearing lines are refused' }) @IsOptional() @IsBoolean() creditBearing?: boolean;
  @ApiPropertyOptional({ description: 'R5: individual lines are refused' }) @IsOptional() @IsBoolean() individual?: boolean;
}

/** A planned co-financing line of a measure (its own schema name: the grants capability has a CoFinancingLineDto of its own). */
export class PlannedCoFinancingLineDto {
  @ApiProperty({ example: 2027 }) @IsInt() year: number;
  @ApiProperty({ description: 'Whole kroner' }) @IsInt() @Min(0) amount: number;
  @ApiProperty({ enum: CO_FINANCING_FORMS }) @IsString() form: string;
}

export class MeasureLinesDto {
  @ApiProperty({ type: [BudgetLineDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budget: BudgetLineDto[];
  @ApiProperty({ type: [PlannedCoFinancingLineDto], description: 'R7: planned co-financing (owners only)' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlannedCoFinancingLineDto)
  coFinancing: PlannedCoFinancingLineDto[];
}
