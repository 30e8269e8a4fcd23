import { ConflictError, DomainError, ForbiddenError, type Scheme } from '#libs/kernel';
import { appealDeadlineOf } from '../../letters/model/format.js';
import type { AppealedLetter, AppealEvent, AppealState } from '../appeal.aggregate.js';

export interface LodgeAppeal {
  type: 'LodgeAppeal';
  appealId: string;
  grant: { grantId: string; office: string; scheme: Scheme; callId: string; measureId: string; recipientOrg: string };
  letter: AppealedLetter;
  /** The appellant and what the measure catalog and the ledger say of it: owner of the measure, asked, got. */
  appellant: { org: string; ownsMeasure: boolean; requested: number; granted: number };
  grounds: string;
  today: string;
}

/** R23: who is a party: the recipient, or an owner of the measure that got less than it asked or nothing. */
function standingOf(c: LodgeAppeal): 'recipient' | 'owner' {
  if (c.appellant.org === c.grant.recipientOrg) return 'recipient';
  if (c.appellant.ownsMeasure && c.appellant.granted < c.appellant.requested) return 'owner';
  throw new ForbiddenError(
    `${c.appellant.org} is not a party to the decision on measure ${c.grant.measureId}: only the recipient, or an owner of the measure that got less than it asked, may appeal (R23)`,
  );
}

/** R23: a party appeals a letter once, with grounds; later than three weeks from the letter it is registered as late. */
export function decideLodgeAppeal(c: LodgeAppeal, state: AppealState): AppealEvent[] {
  if (state.lodged)
    throw new ConflictError(
      `${c.appellant.org} has appealed letter ${c.letter.n} of grant ${c.grant.grantId} already (appeal ${c.appealId})`,
    );
  const standing = standingOf(c);
  const grounds = c.grounds.trim();
  if (!grounds) throw DomainError.of('R23', 'grounds', 'an appeal states its grounds');
  const deadline = appealDeadlineOf(c.letter.date);
  const { requested, granted } = c.appellant;
  return [
    {
      type: 'AppealLodged',
      data: {
        appealId: c.appealId,
        ...c.grant,
        appellantOrg: c.appellant.org,
        standing,
        requested,
        granted,
        letter: c.letter,
        grounds,
        lodgedOn: c.today,
        deadline,
        late: c.today > deadline,
      },
    },
  ];
}
