import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, registerDecorator } from 'class-validator';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { CsvDialectParam, ReadParamsDto, type CsvDialect } from '#libs/http';
import { OFFICE_CODES } from '#libs/reference-data';
import { LABEL_SETS, type LabelSet } from './columns.js';
import { EXPORT_FORMATS, LAYOUT_FORMATS, type ExportFormat } from './formats/writers.js';

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

/** A layout option with a format it does not shape is refused (400 naming the option), not silently ignored. */
function OnlyWithFormats(formats: readonly ExportFormat[]): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'onlyWithFormat',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property applies to format ${formats.join(' and ')} only` },
      validator: {
        validate: (_value: unknown, args) => formats.includes((args?.object as EvaluationExportQueryDto).format ?? 'csv'),
      },
    });
}

export class EvaluationExportQueryDto extends ExportFilterDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @CsvDialectParam('"," between fields, LF line ends, no byte order mark')
  @OnlyWithFormats(LAYOUT_FORMATS.dialect)
  dialect?: CsvDialect;

  @ApiPropertyOptional({
    enum: LABEL_SETS,
    default: 'key',
    description:
      'Headings of CSV and XLSX. key: the machine names (as the JSON keys); nb: Norwegian (bokmål) labels, as the XLSX sheet «Dataordbok» lists them',
  })
  @IsOptional()
  @IsIn(LABEL_SETS)
  @OnlyWithFormats(LAYOUT_FORMATS.labels)
  labels?: LabelSet;
}
