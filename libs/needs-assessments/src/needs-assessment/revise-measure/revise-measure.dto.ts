import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class ParticipantsDto {
  @ApiProperty() @IsInt() @Min(0) teachers: number;
  @ApiProperty() @IsInt() @Min(0) leaders: number;
  @ApiProperty() @IsInt() @Min(0) otherStaff: number;
}

export class MeasureFieldsDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty() @IsString() @MaxLength(10000) description: string;
  @ApiProperty() @IsString() @MaxLength(500) targetGroup: string;
  @ApiProperty({ type: [String], description: 'Schools or units covered' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  schools: string[];
  @ApiProperty({ type: ParticipantsDto }) @ValidateNested() @Type(() => ParticipantsDto) participants: ParticipantsDto;
  @ApiProperty({ example: 2027, description: 'R9: first school year' }) @IsInt() @Min(2015) @Max(2100) startYear: number;
  @ApiProperty({ example: 2, description: 'R9: 1–3 school years' }) @IsInt() spanYears: number;
}
