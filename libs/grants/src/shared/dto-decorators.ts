import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export const MAX_KRONER = Number.MAX_SAFE_INTEGER;

export const Kroner = (description?: string) => (target: object, key: string) => {
  ApiProperty({ type: 'integer', minimum: 0, example: 100_000, description: description ?? 'Whole kroner' })(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(MAX_KRONER)(target, key);
};

export const Year = () => (target: object, key: string) => {
  ApiProperty({ example: 2028 })(target, key);
  IsInt()(target, key);
  Min(2015)(target, key);
  Max(2100)(target, key);
};

export const Reason = (description = 'Why (R21)') => (target: object, key: string) => {
  ApiProperty({ description, example: 'Revised national budget' })(target, key);
  IsString()(target, key);
  IsNotEmpty()(target, key);
  MaxLength(2000)(target, key);
};

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
