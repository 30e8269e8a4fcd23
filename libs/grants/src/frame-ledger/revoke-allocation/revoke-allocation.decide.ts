import { ConflictError, NotFoundError } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import type { LedgerEvent, LedgerState } from '../frame-ledger.aggregate.js';

export interface RevokeAllocation {
  type: 'RevokeAllocation';
  grantId: string;
  reason: string;
  /** R16: what was paid on the grant (to warn that it must be claimed back). */
  paidTotal: number;
  today: string;
}

/** R21: a revocation is an event with its reason; it frees the frame. */
export function decideRevokeAllocation(command: RevokeAllocation, state: LedgerState): LedgerEvent[] {
  const g = state.grants[command.grantId];
  if (!g) throw new NotFoundError('grant', command.grantId);
  if (g.status !== 'active') throw new ConflictError(`grant ${command.grantId} is revoked already`);
  const warnings: Warning[] =
    command.paidTotal > 0
      ? [{ rule: 'R16', field: 'grantId', message: `${command.paidTotal} kroner were paid: claim them back (a claim is its own event)` }]
      : [];
  return [
    {
      type: 'AllocationRevoked',
      data: {
        grantId: g.grantId,
        office: g.office,
        scheme: g.scheme,
        recipientOrg: g.recipientOrg,
        reason: command.reason,
        revokedOn: command.today,
        warnings,
      },
    },
  ];
}
