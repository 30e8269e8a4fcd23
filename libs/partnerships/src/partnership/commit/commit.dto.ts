import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

export class CommitPartnershipDto {
  @ApiProperty({ type: [String], example: ['lesing', 'vurdering for læring'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  competenceAreas: string[];
  @ApiProperty({ example: 300, description: 'Capacity in hours per school year' }) @IsInt() capacityHoursPerYear: number;
  @ApiProperty({ example: 2027, description: 'First school year of the commitment' }) @IsInt() @Min(2015) @Max(2100) fromYear: number;
  @ApiProperty({ example: 2028, description: 'Last school year of the commitment' }) @IsInt() @Min(2015) @Max(2100) toYear: number;
  @ApiProperty({ example: 'faglig kontakt, førsteamanuensis' }) @IsString() @MaxLength(200) contactRole: string;
}
