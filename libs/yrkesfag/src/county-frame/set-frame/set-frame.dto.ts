import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '#libs/http';
import { Kroner, OrgNumberPattern, Year } from '../dto-decorators.js';

export class YrkesfagSetFrameDto {
  @ApiProperty({ example: '971045698', description: 'The county municipality (kind county_municipality, R24)' })
  @Matches(OrgNumberPattern)
  countyOrg: string;
  @Year() year: number;
  @Kroner("The year's frame") amount: number;
  @ApiPropertyOptional({ example: '2028-01-15', description: 'Report deadline (default 15 January after the year, R26)' })
  @IsOptional()
  @IsCalendarDate()
  reportDeadline?: string;
}
