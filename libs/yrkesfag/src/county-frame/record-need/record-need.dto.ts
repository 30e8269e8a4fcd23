import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { OrgNumberPattern, Year } from '../dto-decorators.js';
import { NEED_SOURCES, type NeedSource, type ProgrammeArea, type TargetGroup } from '../reference.js';
import { ProgrammeAreas, TargetGroups } from '../targets.dto.js';

export class RecordNeedDto {
  @Year() year: number;
  @ApiProperty({ example: '974600951', description: 'The school or training company (lærebedrift) the need comes from' })
  @Matches(OrgNumberPattern)
  fromOrg: string;
  @ApiProperty({ enum: NEED_SOURCES }) @IsIn(NEED_SOURCES) source: NeedSource;
  @TargetGroups() targetGroups: TargetGroup[];
  @ProgrammeAreas() programmeAreas: ProgrammeArea[];
  @ApiProperty({ example: 'Instructors need training in assessment for learning' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;
}
