import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { RuleViolation } from '#libs/kernel';
import { RequestValidationError } from './problem.filter.js';

function flatten(errors: ValidationError[], parent = ''): RuleViolation[] {
  return errors.flatMap((e) => {
    // An empty key ({"": 1}) is named "" so the problem still names a field.
    const name = e.property === '' ? '""' : e.property;
    const field = parent ? (/^\d+$/.test(name) ? `${parent}[${name}]` : `${parent}.${name}`) : name;
    const constraints = Object.entries(e.constraints ?? {});
    // A missing field is told as missing, not as every constraint its absent value breaks.
    const missing = e.value === undefined && constraints.length > 0 && !constraints.some(([rule]) => rule === 'whitelistValidation');
    const own = missing
      ? [{ field, rule: 'required', message: `${field} is required` }]
      : constraints.map(([rule, message]) => ({ field, rule: rule === 'whitelistValidation' ? 'unknown-field' : rule, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

type Storage = ReturnType<typeof getMetadataStorage> & { dekompRemembers?: true };

/**
 * class-validator finds a class's rules anew on every validation, scanning every registered class for inheritance
 * (`instanceof`): the dearest step of validating a body. A class's rules do not change once it is declared, so
 * they are remembered per class and options, and forgotten whenever a rule or constraint is added.
 */
function rememberValidationRules(): void {
  const storage = getMetadataStorage() as Storage;
  if (storage.dekompRemembers) return;
  storage.dekompRemembers = true;
  let remembered = new WeakMap<object, Map<string, ReturnType<Storage['getTargetValidationMetadatas']>>>();
  const find = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join(',') ?? ''}`;
    let byKey = remembered.get(target);
    if (!byKey) remembered.set(target, (byKey = new Map()));
    let rules = byKey.get(key);
    if (!rules) byKey.set(key, (rules = find(target, schema, always, strictGroups, groups)));
    return rules;
  };
  const addRule = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    remembered = new WeakMap();
    addRule(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    remembered = new WeakMap();
    addConstraint(metadata);
  };
}

/** Global validation: whitelist, unknown fields refused, payloads transformed to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
