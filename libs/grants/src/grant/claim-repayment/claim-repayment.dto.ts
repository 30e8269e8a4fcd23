import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_KRONER, Reason } from '../../common/dto-decorators.js';

export class ClaimRepaymentDto {
  @ApiPropertyOptional({ example: 2028 }) @IsOptional() @IsInt() @Min(2015) @Max(2100) year?: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 10_000 }) @IsInt() @Min(1) @Max(MAX_KRONER) amount: number;
  @Reason('Why the money is claimed back (R16)') reason: string;
}
