import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AmountLineDto, Reason } from '../../common/dto-decorators.js';
import type { UdirOutcome } from '../appeal.aggregate.js';
import { RemedyAmounts } from '../reconsider-appeal/reconsider-appeal.dto.js';

const UDIR_OUTCOMES: UdirOutcome[] = ['upheld', 'reversed', 'partly_reversed'];

export class DecideAppealDto {
  @ApiProperty({ enum: UDIR_OUTCOMES }) @IsIn(UDIR_OUTCOMES) outcome: UdirOutcome;
  @Reason('Why (R23)') reason: string;
  @RemedyAmounts() amounts?: AmountLineDto[];
}
