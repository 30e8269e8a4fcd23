/** A broken rule: `rule` is the R-number of docs/rules.md (or a technical rule name). */
export interface RuleViolation {
  rule: string;
  field: string;
  message: string;
}

/** Command refused by the domain: the API answers 422 with every violation. */
export class DomainError extends Error {
  constructor(readonly violations: RuleViolation[]) {
    super(violations.map((v) => `${v.rule} ${v.field}: ${v.message}`).join('; '));
    this.name = 'DomainError';
  }

  static of(rule: string, field: string, message: string): DomainError {
    return new DomainError([{ rule, field, message }]);
  }
}

/** The thing addressed does not exist (404). */
export class NotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/** The actor may not do this (403): always rule R20, the access rule (see AccessPolicy). */
export class ForbiddenError extends Error {
  readonly rule = 'R20';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The command conflicts with the current state (409), e.g. an action that no longer applies. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
