import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { WarningDto } from '#libs/http';
import { ORG } from '../common.dto.js';
import { MeasureFieldsDto } from '../revise-measure/revise-measure.dto.js';

export class AddMeasureDto extends MeasureFieldsDto {
  @ApiProperty({ example: '971564679', description: 'R3: the university partner (org number)' }) @Matches(ORG) universityOrg: string;
}

export class MeasureCommandResultDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() position: number;
  @ApiProperty({ type: [WarningDto] }) warnings: WarningDto[];
  @ApiProperty({ description: 'The new measure (uuid)' }) measureId: string;
}
