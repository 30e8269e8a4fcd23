import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { COUNTIES, OFFICE_CODES } from '#libs/reference-data';

export class OfficeView {
  @ApiProperty({ enum: OFFICE_CODES, example: 'ROGALAND' }) code: string;
  @ApiProperty({ example: 'Statsforvalteren i Rogaland' }) name: string;
  @ApiProperty({ example: '974763230' }) orgNumber: string;
  @ApiProperty({ type: [String], example: ['11'] }) countyNumbers: string[];
}

export class CountyView {
  @ApiProperty({ example: '11' }) number: string;
  @ApiProperty({ example: 'Rogaland' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'ROGALAND', description: 'The governor office covering the county' }) office:
    string | null;
}

export class MunicipalityView {
  @ApiProperty({ example: '1103' }) number: string;
  @ApiProperty({ example: 'Stavanger' }) name: string;
  @ApiProperty({ example: '11' }) countyNumber: string;
  @ApiProperty({ nullable: true, type: String, example: 'ROGALAND' }) office: string | null;
}

export class UniversityView {
  @ApiProperty({ example: '971564679' }) orgNumber: string;
  @ApiProperty({ example: 'Universitetet i Stavanger' }) name: string;
  @ApiProperty({ example: 'UiS' }) shortName: string;
  @ApiProperty({ enum: ['university', 'university_college'] }) kind: string;
  @ApiProperty({ enum: ['state', 'private'] }) ownership: string;
  @ApiProperty({ example: '11', description: "County of the main seat (not for R3's «local»)" }) countyNumber: string;
}

export class RuleSetView {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ example: 'dekomp-2021.1', description: 'Recorded on every decision' }) version: string;
  @ApiProperty({ example: 30, description: 'R7/R8: co-financing as a percentage of the state grant (0 = none)' })
  coFinancingPercent: number;
  @ApiProperty({ example: 10, description: 'R6: warn when the coordinator exceeds this share of a measure' })
  coordinatorWarnPercent: number;
  @ApiProperty({ example: 50, description: "R2: warn when subcontractors exceed this share of a university's line" })
  subcontractorWarnPercent: number;
  @ApiProperty({ example: 3, description: 'R9: longest span of a measure in school years' }) maxSpanYears: number;
  @ApiProperty({ description: 'R3: measures need a university partner' }) universityPartnerRequired: boolean;
  @ApiProperty({ description: 'Whether the governor runs the scheme (calls, forum, decisions)' }) governorRole: boolean;
  @ApiProperty({ example: '2027-02-01', description: 'R14: default deadline of a call' }) defaultCallDeadline: string;
  @ApiProperty({ example: '2027-04-30', description: 'R14: default decision date' }) defaultDecisionDate: string;
}

export class SchemeView {
  @ApiProperty({ enum: SCHEMES }) scheme: string;
  @ApiProperty({ description: 'True when the governor runs the scheme in every year asked for' }) governorRole: boolean;
  @ApiProperty({ type: [RuleSetView] }) ruleSets: RuleSetView[];
}

export class ThemeView {
  @ApiProperty({ example: 'basic_skills', description: 'A value for themes.goals of a needs assessment' }) code: string;
  @ApiProperty({ example: 'Grunnleggende ferdigheter' }) label: string;
}

export class BudgetCategoryView {
  @ApiProperty({ example: 'implementation', description: "A value for a money line's category (R6)" }) code: string;
  @ApiProperty({ example: 'Gjennomføring' }) label: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class MunicipalityQueryDto {
  @ApiPropertyOptional({ example: '11', description: 'Only the municipalities of this county (two digits)' })
  @IsOptional()
  @IsIn(COUNTIES.map((c) => c.number), { message: 'county must be a county number of 2024 (two digits, see /reference/counties)' })
  county?: string;
}

export class SchemeQueryDto {
  @ApiPropertyOptional({ example: 2027, description: 'First year (default: this year in Norway)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2015)
  @Max(2100)
  from?: number;
  @ApiPropertyOptional({ example: 2028, description: 'Last year (default: `from` + 1; at most 20 years)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2015)
  @Max(2100)
  to?: number;
  @ApiPropertyOptional({ enum: SCHEMES }) @IsOptional() @IsIn(SCHEMES) scheme?: Scheme;
}
