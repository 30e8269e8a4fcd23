import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { ReadParamsDto } from '#libs/http';
import { OFFICE_CODES } from '#libs/reference-data';
import { EXPORT_FORMATS, type ExportFormat } from './formats/writers.js';

export class ExportFilterDto extends ReadParamsDto {
  @ApiPropertyOptional({ example: 2027, description: 'The money year of the rows (for 360giving: the decision year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2015)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: SCHEMES })
  @IsOptional()
  @IsIn(SCHEMES)
  scheme?: Scheme;

  @ApiPropertyOptional({ enum: OFFICE_CODES, description: 'Governor office; a governor may give only its own (R20)' })
  @IsOptional()
  @IsString()
  @IsIn(OFFICE_CODES)
  office?: string;
}

export class EvaluationExportQueryDto extends ExportFilterDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
