import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AmountLineDto, Reason } from '../../common/dto-decorators.js';
import type { GovernorOutcome } from '../appeal.aggregate.js';

const GOVERNOR_OUTCOMES: GovernorOutcome[] = ['reversed', 'partly_reversed', 'upheld', 'dismissed'];

/** The new money per year of a reversal (R9 lines; the frame ledger charges them, R18). */
export const RemedyAmounts = () => (target: object, key: string) => {
  ApiPropertyOptional({
    type: [AmountLineDto],
    description: "A reversal's money per year for the appellant (default for a full reversal: what it asked)",
  })(target, key);
  IsOptional()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(3)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => AmountLineDto)(target, key);
};

export class ReconsiderAppealDto {
  @ApiProperty({
    enum: GOVERNOR_OUTCOMES,
    description: 'reversed / partly_reversed (a new decision on the frame), upheld (forwarded to Udir), dismissed (late appeals only)',
  })
  @IsIn(GOVERNOR_OUTCOMES)
  outcome: GovernorOutcome;
  @Reason('Why (R23)') reason: string;
  @ApiPropertyOptional({ description: 'R23: why a late appeal is considered all the same' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  lateReason?: string;
  @RemedyAmounts() amounts?: AmountLineDto[];
}
