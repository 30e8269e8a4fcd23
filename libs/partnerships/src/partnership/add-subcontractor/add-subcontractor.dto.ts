import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class AddSubcontractorDto {
  @ApiProperty({ example: '930000000', description: 'Org number (R19)' }) @Matches(/^\d{9}$/) orgNumber: string;
  @ApiProperty({ example: 'Kurs og Kompetanse AS' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: 20, description: "Share of the university's line, whole percent (R2: warned above the configured share)" })
  @IsInt()
  sharePercent: number;
  @ApiProperty({ example: 'Digital workshops' }) @IsString() @IsNotEmpty() @MaxLength(1000) task: string;
}
