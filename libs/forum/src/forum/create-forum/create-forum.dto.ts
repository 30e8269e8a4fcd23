import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateForumDto {
  @ApiProperty({ example: 'Samarbeidsforum for Rogaland' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: ['11'], description: "County numbers covered: all must belong to the governor's office" })
  @IsArray()
  @Matches(/^\d{2}$/, { each: true })
  counties: string[];
}
