import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class LodgeAppealDto {
  @ApiProperty({ example: 'ROGALAND.DEKOMP.m-1.964965226', description: 'The grant whose decision is appealed' })
  @IsString()
  @MaxLength(200)
  grantId: string;
  @ApiPropertyOptional({ example: 1, description: "The letter appealed (GET /grants/{id}/letters); default the grant's latest" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  letter?: number;
  @ApiProperty({ description: 'Why the decision is wrong (R23)' }) @IsString() @IsNotEmpty() @MaxLength(10_000) grounds: string;
}
