import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProblemFieldDto {
  @ApiProperty({ example: 'measures[0].span' }) field: string;
  @ApiProperty({ description: 'The rule broken: an R-number of the domain, or a validation constraint', example: 'R9' })
  rule: string;
  @ApiProperty() message: string;
}

/** RFC 9457 problem details; every error Dekomp answers has this shape (application/problem+json). */
export class ProblemDto {
  @ApiProperty({ example: 'https://dekomp.no/problems/rule-violation' }) type: string;
  @ApiProperty({ example: 'A rule of the scheme was broken' }) title: string;
  @ApiProperty({ example: 422 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ type: [ProblemFieldDto] }) errors?: ProblemFieldDto[];
  @ApiPropertyOptional({ description: 'Request id, also in the logs' }) requestId?: string;
}

export const PROBLEM_BASE = 'https://dekomp.no/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The largest request body: a whole office's recommendation goes in parts (its lines in pages). */
export const MAX_BODY = '256kb';
