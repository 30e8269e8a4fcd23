import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

/** Money is whole kroner, never floating point, and never beyond what a double holds exactly. */
export const MAX_KRONER = Number.MAX_SAFE_INTEGER;

/** A DTO field of whole kroner (documented and validated in one decorator). */
export const Kroner =
  (description = 'Whole kroner', minimum = 0) =>
  (target: object, key: string) => {
    ApiProperty({ type: 'integer', minimum, example: 100_000, description })(target, key);
    IsInt()(target, key);
    Min(minimum)(target, key);
    Max(MAX_KRONER)(target, key);
  };

/** A DTO field holding a grant year. */
export const Year = () => (target: object, key: string) => {
  ApiProperty({ example: 2027 })(target, key);
  IsInt()(target, key);
  Min(2015)(target, key);
  Max(2100)(target, key);
};

/** A DTO field holding the reason for a correction (R21). */
export const Reason =
  (description = 'Why (R21)') =>
  (target: object, key: string) => {
    ApiProperty({ description, example: 'Revised national budget' })(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(2000)(target, key);
  };
