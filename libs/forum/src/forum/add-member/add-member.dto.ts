import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '#libs/http';
import { MEMBER_CATEGORIES, type MemberCategory } from '../categories.js';

export class AddForumMemberDto {
  @ApiPropertyOptional({
    example: '964965226',
    description: 'Required for school owners and universities (registered organisations); optional for KS, unions, others',
  })
  @IsOptional()
  @Matches(/^\d{9}$/)
  orgNumber?: string;
  @ApiPropertyOptional({ example: 'KS Rogaland', description: "Defaults to the registered organisation's name" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
  @ApiProperty({ enum: MEMBER_CATEGORIES }) @IsIn(MEMBER_CATEGORIES) category: MemberCategory;
  @ApiProperty({ example: '2027-01-01' }) @IsCalendarDate() joinedOn: string;
}
