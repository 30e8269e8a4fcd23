import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { CoFinancingFormsDto, Year } from '../../common/dto-decorators.js';

export class CoFinancingLineDto extends CoFinancingFormsDto {
  @Year() year: number;
}

export class AcceptGrantDto {
  @ApiProperty({
    type: [CoFinancingLineDto],
    description:
      'R7: per year at least ceil(30 % of the grant) for a school owner in DEKOMP; none for universities, REKOMP and KOMPLØFT (R8)',
  })
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => CoFinancingLineDto)
  coFinancing: CoFinancingLineDto[];
}
