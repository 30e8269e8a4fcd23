import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';
import { RecommendationContentDto } from '../content/content.dto.js';

export class RecordRecommendationDto extends RecommendationContentDto {
  @ApiProperty({ example: 'rogaland-dekomp-2027' }) @IsString() @IsNotEmpty() callId: string;
}
