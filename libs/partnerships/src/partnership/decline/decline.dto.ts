import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DECLINE_REASONS, type DeclineReason } from '../partnership.aggregate.js';

export class DeclinePartnershipDto {
  @ApiProperty({ enum: DECLINE_REASONS, description: 'R3: the university lacks the competence or the capacity' })
  @IsIn(DECLINE_REASONS)
  reason: DeclineReason;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) explanation: string;
}
