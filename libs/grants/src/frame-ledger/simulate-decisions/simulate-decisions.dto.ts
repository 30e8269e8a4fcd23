import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AmountLineDto, AmountLines } from '../../common/dto-decorators.js';
import { BulkLineDto, MAX_BULK_LINES } from '../decide-allocations/decide-allocations.dto.js';

export class SimulatedAmendmentDto {
  @ApiProperty() @IsString() @MaxLength(300) grantId: string;
  @AmountLines('The new money per year') amounts: AmountLineDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class SimulateDecisionsDto {
  @ApiProperty({ example: 2023, description: 'The decision year of the decisions' }) @IsInt() @Min(2015) @Max(2100) year: number;
  @ApiPropertyOptional({ type: [BulkLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BULK_LINES)
  @ValidateNested({ each: true })
  @Type(() => BulkLineDto)
  decisions?: BulkLineDto[];
  @ApiPropertyOptional({ type: [SimulatedAmendmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BULK_LINES)
  @ValidateNested({ each: true })
  @Type(() => SimulatedAmendmentDto)
  amendments?: SimulatedAmendmentDto[];
}
