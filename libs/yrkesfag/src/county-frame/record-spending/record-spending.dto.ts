import { Type } from 'class-transformer';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '#libs/http';
import { Kroner } from '../dto-decorators.js';
import type { Participants } from '../reference.js';

const Count = () => (target: object, key: string) => {
  ApiProperty({ type: 'integer', minimum: 0, example: 12 })(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(1_000_000)(target, key);
};

/** Participants reached (its own schema name: needs assessments have a ParticipantsDto of their own). */
export class ReachedParticipantsDto implements Participants {
  @Count() vocational_teachers: number;
  @Count() instructors: number;
  @Count() professional_leaders: number;
  @Count() examination_board_members: number;
}

export class RecordSpendingDto {
  @ApiProperty({ example: 'M1' }) @IsString() @IsNotEmpty() measureId: string;
  @Kroner('Spent on the measure') amount: number;
  @ApiProperty({ example: '2027-10-31' }) @IsCalendarDate() spentOn: string;
  @ApiProperty({ type: ReachedParticipantsDto, description: 'Participants reached per target group (R24)' })
  @ValidateNested()
  @Type(() => ReachedParticipantsDto)
  participants: ReachedParticipantsDto;
}
