/** An event as a decider produces it: a type and its data. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/**
 * A capability's pure core: `decide(command, state) → events` and `evolve(state, event) → state`.
 * No Nest, SQL or HTTP in here; the rules of docs/rules.md live in `decide`.
 */
export interface Decider<C, S, E extends DomainEvent> {
  initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): E[];
}

/** A warning that does not refuse a command but stays visible (e.g. R3 partner outside the region). */
export interface Warning {
  rule: string;
  field: string;
  message: string;
}

export function fold<S, E extends DomainEvent>(decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>, events: E[]): S {
  return events.reduce((s, e) => decider.evolve(s, e), decider.initialState);
}
