import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '#libs/http';
import { OrgNumberPattern } from '../dto-decorators.js';
import { FORUM_CATEGORIES, type ForumCategory } from '../reference.js';

export class AddCountyForumMemberDto {
  @ApiPropertyOptional({ example: '974600951', description: 'The member organisation, when it has an org number (R19)' })
  @IsOptional()
  @Matches(OrgNumberPattern)
  orgNumber?: string;
  @ApiProperty({ example: 'NHO Rogaland' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: FORUM_CATEGORIES }) @IsIn(FORUM_CATEGORIES) category: ForumCategory;
  @ApiProperty({ example: '2027-01-10' }) @IsCalendarDate() joinedOn: string;
}
