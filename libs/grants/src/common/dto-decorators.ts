import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { Kroner, Reason, Year } from '#libs/http';

export { Kroner, MAX_KRONER, Reason, Year } from '#libs/http';

export class AmountLineDto {
  @Year() year: number;
  @Kroner() amount: number;
}

/** Money per year: at most three lines (R9). */
export const AmountLines = (description: string) => (target: object, key: string) => {
  ApiProperty({ type: [AmountLineDto], description })(target, key);
  IsArray()(target, key);
  ArrayMaxSize(3)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => AmountLineDto)(target, key);
};

export class ReasonDto {
  @Reason() reason: string;
}

export class CoFinancingFormsDto {
  @Kroner('Co-financing as money') money: number;
  @Kroner('Co-financing as salary') salary: number;
  @Kroner('Co-financing as released staff time, valued in kroner') releasedTime: number;
}
