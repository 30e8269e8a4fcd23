import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CsvDialectParam, IsCalendarDate, ReadParamsDto, type CsvDialect } from '#libs/http';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { Year } from '../../common/dto-decorators.js';

export class RunPaymentsDto {
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @Year() year: number;
  @ApiPropertyOptional({ example: '2028-06-01', description: 'Default: today' }) @IsOptional() @IsCalendarDate() paidOn?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Only these grants (default: every active, accepted grant with money left for the year)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  grantIds?: string[];
}

/** `GET /payment-runs/{runId}/file`: the CSV dialect, and the older byte-order-mark switch. */
export class PaymentFileQueryDto extends ReadParamsDto {
  @CsvDialectParam('the accounting system\'s layout: ";" between fields, CRLF line ends, no byte order mark unless bom=true')
  dialect?: CsvDialect;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    deprecated: true,
    description: 'A UTF-8 byte order mark on the standard layout; use dialect=excel-no',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  bom?: 'true' | 'false';
}
