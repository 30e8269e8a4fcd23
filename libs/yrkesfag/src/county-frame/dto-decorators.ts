import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_KRONER = Number.MAX_SAFE_INTEGER;

export const Kroner = (description = 'Whole kroner', minimum = 0) => (target: object, key: string) => {
  ApiProperty({ type: 'integer', minimum, example: 1_000_000, description })(target, key);
  IsInt()(target, key);
  Min(minimum)(target, key);
  Max(MAX_KRONER)(target, key);
};

export const Year = () => (target: object, key: string) => {
  ApiProperty({ example: 2027 })(target, key);
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

export const OrgNumberPattern = /^\d{9}$/;
