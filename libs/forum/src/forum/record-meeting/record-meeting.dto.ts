import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '#libs/http';

export class RecordMeetingDto {
  @ApiProperty({ example: '2027-03-10' }) @IsCalendarDate() date: string;
  @ApiProperty({ example: ['Recommendation for 2027'] })
  @IsArray()
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  agenda: string[];
  @ApiProperty({ example: 'The forum agreed on the priorities.' }) @IsString() @MaxLength(10000) minutesSummary: string;
  @ApiProperty({ example: ['M1', 'M2'], description: 'Member ids present (only they vote, R12)' })
  @IsArray()
  @IsString({ each: true })
  presentMemberIds: string[];
}
