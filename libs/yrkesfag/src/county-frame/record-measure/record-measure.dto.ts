import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Kroner, OrgNumberPattern, Year } from '../dto-decorators.js';
import { PROVIDER_KINDS, type ProgrammeArea, type ProviderKind, type TargetGroup } from '../reference.js';
import { ProgrammeAreas, TargetGroups } from '../targets.dto.js';

export class ProviderDto {
  @ApiProperty({ enum: PROVIDER_KINDS }) @IsIn(PROVIDER_KINDS) kind: ProviderKind;
  @ApiPropertyOptional({ example: '974767880', description: 'Required unless the county municipality provides the measure itself' })
  @IsOptional()
  @Matches(OrgNumberPattern)
  orgNumber?: string;
  @ApiPropertyOptional({
    example: 'Fagskolen Rogaland',
    description: 'Required unless the county municipality provides the measure itself (then its registered name)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class RecordMeasureDto {
  @Year() year: number;
  @ApiProperty({ example: 'Veiledning av lærlinger' }) @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @ApiProperty({ type: ProviderDto }) @ValidateNested() @Type(() => ProviderDto) provider: ProviderDto;
  @TargetGroups() targetGroups: TargetGroup[];
  @ProgrammeAreas() programmeAreas: ProgrammeArea[];
  @ApiPropertyOptional({ example: ['N1'], description: 'The needs the measure answers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  needIds?: string[];
  @Kroner("The money of the measure, charged to the year's frame (R18)") amount: number;
  @ApiProperty({ description: 'R5: a credit-bearing course (videreutdanning) is refused' }) @IsBoolean() creditBearing: boolean;
}
