import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '#libs/http';
import { Reason } from '../dto-decorators.js';

export class YrkesfagExtendReportDeadlineDto {
  @ApiProperty({ example: '2028-02-15' }) @IsCalendarDate() deadline: string;
  @Reason('Why the deadline moves (R26)') reason: string;
}
