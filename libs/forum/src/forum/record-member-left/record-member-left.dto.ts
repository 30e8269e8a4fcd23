import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '#libs/http';

export class MemberLeftDto {
  @ApiProperty({ example: '2027-08-31', description: 'The first day the organisation is no longer a member' })
  @IsCalendarDate()
  leftOn: string;
  @ApiProperty({ example: 'Replaced by the merged municipality' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
