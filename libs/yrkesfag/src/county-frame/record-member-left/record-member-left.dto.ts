import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '#libs/http';
import { Reason } from '../dto-decorators.js';

export class RecordCountyMemberLeftDto {
  @ApiProperty({ example: '2027-06-30' }) @IsCalendarDate() leftOn: string;
  @Reason('Why the member leaves (R21)') reason: string;
}
