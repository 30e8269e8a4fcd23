import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { RuleViolation } from '#libs/kernel';
import { RequestValidationError } from './problem.filter.js';

function flatten(errors: ValidationError[], parent = ''): RuleViolation[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const constraints = Object.entries(e.constraints ?? {});
    // A missing field is told as missing, not as every constraint its absent value breaks.
    const missing = e.value === undefined && constraints.length > 0 && !constraints.some(([rule]) => rule === 'whitelistValidation');
    const own = missing
      ? [{ field, rule: 'required', message: `${field} is required` }]
      : constraints.map(([rule, message]) => ({ field, rule: rule === 'whitelistValidation' ? 'unknown-field' : rule, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Global validation: whitelist, unknown fields refused, payloads transformed to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
