import { AccessPolicy, type Actor } from '#libs/kernel';

/**
 * R20: the ministry registers and amends anywhere (null: no office limit); a governor within its own office (the
 * decider checks the organisation's office against it); nobody else.
 */
export function directoryOfficeOf(actor: Actor, action: string): string | null {
  AccessPolicy.assertRole(actor, ['ministry', 'governor'], action);
  return actor.role === 'ministry' ? null : AccessPolicy.governorOffice(actor, action);
}
