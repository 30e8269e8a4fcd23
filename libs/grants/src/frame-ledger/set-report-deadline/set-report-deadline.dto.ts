import { IsCalendarDate } from '#libs/http';
import { ApiProperty } from '@nestjs/swagger';
import { Reason, Year } from '../../common/dto-decorators.js';

export class SetReportDeadlineDto {
  @Year() year: number;
  @ApiProperty({ example: '2029-02-01' }) @IsCalendarDate() deadline: string;
  @Reason() reason: string;
}

export class ExtendReportDeadlineDto extends SetReportDeadlineDto {}
