import { DomainError, type RuleViolation } from '#libs/kernel';
import type { Decider, DomainEvent } from '#libs/platform';

/**
 * Given / When / Then for a pure decider:
 *   spec.given([opened]).when({ type: 'ExtendCallDeadline', … }).then([{ type: 'CallDeadlineExtended', … }])
 *   spec.given([]).when(command).thenViolates('R14', 'deadline')
 */
export function deciderSpec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  return {
    given(events: E[]) {
      const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState);
      return {
        /** The state the given events fold to. */
        state,
        when(command: C) {
          const decide = () => decider.decide(command, state);
          const violations = (): RuleViolation[] => {
            try {
              decide();
            } catch (error) {
              if (error instanceof DomainError) return error.violations;
              throw error;
            }
            throw new Error('expected the command to be refused with a rule violation, but it was accepted');
          };
          return {
            /** The events decided (for assertions beyond equality). */
            events: decide,
            then(expected: E[]) {
              expect(decide()).toEqual(expected);
            },
            /** Refused (422) naming this rule, and this field when given. */
            thenViolates(rule: string, field?: string) {
              const found = violations();
              expect(found).toEqual(expect.arrayContaining([expect.objectContaining(field === undefined ? { rule } : { rule, field })]));
              return found;
            },
            /** Refused naming exactly these [rule, field] pairs, in order. */
            thenViolatesExactly(expected: Array<[string, string]>) {
              expect(violations().map((v) => [v.rule, v.field])).toEqual(expected);
            },
            /** Refused with another error (ConflictError 409, ForbiddenError 403, NotFoundError 404…). */
            thenThrows(error: (new (...args: never[]) => Error) | RegExp | string) {
              expect(decide).toThrow(error);
            },
          };
        },
      };
    },
  };
}
