import { applyDecorators } from '@nestjs/common';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '#libs/kernel';

/**
 * A calendar date `YYYY-MM-DD` that exists (no `2027`, `20270201`, `2027-W05-1`, datetimes or 2027-02-30):
 * read models store dates as `date`, and a value PostgreSQL cannot read must never reach the log.
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators((target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a calendar date YYYY-MM-DD (a real day)`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    }),
  );
}
