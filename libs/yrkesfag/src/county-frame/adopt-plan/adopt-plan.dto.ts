import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { Kroner } from '../dto-decorators.js';

export class PlanLineDto {
  @ApiProperty({ example: 'M1' }) @IsString() @IsNotEmpty() measureId: string;
  @ApiProperty({ example: 1, description: '1 is the highest priority' }) @IsInt() @Min(1) priority: number;
  @Kroner('The money the plan gives the measure') amount: number;
}

export class AdoptPlanDto {
  @ApiProperty({ type: [PlanLineDto], description: 'Every measure of the year, once (R24); the sum at most the frame (R18)' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlanLineDto)
  lines: PlanLineDto[];
  @ApiPropertyOptional({ description: 'Why the plan is revised (R21); required after the first plan' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
