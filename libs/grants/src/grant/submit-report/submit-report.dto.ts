import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CoFinancingFormsDto, Kroner, Year } from '../../common/dto-decorators.js';

export class ParticipantCountDto {
  @ApiProperty({ example: 'teacher', description: 'Role, e.g. teacher, school_leader, assistant, ppt' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  role: string;
  @ApiProperty({ example: 40 }) @IsInt() @Min(0) @Max(1_000_000) count: number;
}

export class SubmitReportDto {
  @Year() year: number;
  @Kroner('State money spent') spent: number;
  @Kroner('State money not spent (spent + unspent = paid)') unspent: number;
  @ApiProperty({ type: CoFinancingFormsDto }) @ValidateNested() @Type(() => CoFinancingFormsDto) coFinancingProvided: CoFinancingFormsDto;
  @ApiProperty({ type: [ParticipantCountDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ParticipantCountDto)
  participants: ParticipantCountDto[];
  @ApiProperty({ description: "The recipient's own evaluation of the measure" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  evaluation: string;
  @ApiPropertyOptional({ description: 'R17: required of a university: how the partnership fed back into teacher education' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  teacherEducationFeedback?: string;
}
