import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WithdrawRecommendationDto {
  @ApiProperty({ description: 'Why (R21)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
