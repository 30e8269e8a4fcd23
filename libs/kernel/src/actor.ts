/** The four roles of R20. */
export const ROLES = ['ministry', 'governor', 'school_owner', 'university'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: goes into every event's metadata. */
export interface Actor {
  role: Role;
  /** Organisation number (9 digits, mod-11 checked). */
  org: string;
  /** The token's subject (a person or a system client). */
  subject: string;
  /** Governor office code, for governors. */
  office?: string;
}

/** The actor for work the system does itself (migrations, rebuilds, seeding through commands). */
export const SYSTEM_ACTOR: Actor = { role: 'ministry', org: '974761076', subject: 'system' };
