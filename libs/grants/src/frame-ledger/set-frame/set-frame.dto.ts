import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { Kroner, Year } from '../../common/dto-decorators.js';

export class SetFrameDto {
  @ApiProperty({ example: 'ROGALAND', description: 'Governor office code' }) @IsString() @Matches(/^[A-Z_]{2,40}$/) office: string;
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @Year() year: number;
  @Kroner('The frame (ramme) in whole kroner') amount: number;
}
