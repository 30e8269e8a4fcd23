import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AmountLineDto, AmountLines } from '../../common/dto-decorators.js';

/** At most this many rows in one import (all or nothing, one append). */
export const MAX_IMPORT_ROWS = 5000;

/** Every field is checked by the domain, so a bad row is named with its rule (R19 mod-11, R9…), not just refused. */
export class ImportRowDto {
  @ApiProperty({ example: '964965226' }) @IsString() @MaxLength(20) recipientOrg: string;
  @ApiProperty({ example: 'Lesing i alle fag' }) @IsString() @MaxLength(500) measureTitle: string;
  @ApiProperty({ example: '2022/1234' }) @IsString() @MaxLength(100) caseNumber: string;
  @ApiProperty({ example: '2022-04-28' }) @IsString() @MaxLength(20) decisionDate: string;
  @AmountLines('Money per year, the decision year and up to two later ones') amounts: AmountLineDto[];
}

export class ImportCommitmentsDto {
  @ApiProperty({ type: [ImportRowDto] })
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ImportRowDto)
  rows: ImportRowDto[];
}
