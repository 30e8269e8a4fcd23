import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class YrkesfagSubmitReportDto {
  @ApiProperty({
    example: 'The measures reached most instructors in TP and EL; HO needs more next year.',
    description: "The county's own evaluation",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  evaluation: string;
}
