import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '#libs/http';

export class ExtendCallDeadlineDto {
  @ApiProperty({ example: '2027-02-15' }) @IsCalendarDate() deadline: string;
  @ApiProperty({ example: 'Municipal elections delayed the staff involvement' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
