import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '#libs/http';

export class RecordCountyForumMeetingDto {
  @ApiProperty({ example: '2027-02-10' }) @IsCalendarDate() date: string;
  @ApiProperty({ example: ['Plan for 2027'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  agenda: string[];
  @ApiProperty({ example: 'The forum agreed on the priorities.' }) @IsString() @MaxLength(10000) minutesSummary: string;
  @ApiProperty({ example: ['F1', 'F2'], description: 'Member ids present' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  presentMemberIds: string[];
}
