import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CALL_CATALOG, NotFoundError, type Actor, type CallCatalog } from '#libs/kernel';
import { CommandRunner } from '#libs/platform';
import { GrantLetters } from '../grant-letters/grant-letters.service.js';
import { letterSettingsAt } from '../letter-settings/letter-settings.queries.js';
import type { LetterModel } from '../model/letter.model.js';
import { roundDecisions, roundLetter } from '../model/round-letter.js';

export class GetRoundLetter {
  constructor(
    readonly actor: Actor,
    readonly office: string,
    readonly callId: string,
    readonly recipientOrg: string,
    readonly asOf?: number,
  ) {}
}

/** R22: all of a recipient's decisions in one call, one letter; R20: the recipient, the office, the ministry. */
@QueryHandler(GetRoundLetter)
export class GetRoundLetterHandler implements IQueryHandler<GetRoundLetter, LetterModel> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly letters: GrantLetters,
    @Inject(CALL_CATALOG) private readonly calls: CallCatalog,
  ) {}

  async execute({ actor, office, callId, recipientOrg, asOf }: GetRoundLetter) {
    AccessPolicy.assertCanSee(actor, { orgs: [recipientOrg], office }, `The letters of ${recipientOrg} in office ${office}`);
    const call = await this.calls.get(callId);
    if (!call || call.office !== office) throw new NotFoundError('call', callId);
    const { decisions, position } = roundDecisions(await this.letters.ledgerEvents(office, call.scheme, asOf), callId, recipientOrg);
    if (decisions.length === 0) throw new NotFoundError('decision', `${callId}/${recipientOrg}`);
    const measureTitles: Record<string, string> = {};
    let recipient = recipientOrg;
    for (const d of decisions) {
      const names = await this.letters.names(recipientOrg, d.measureId);
      measureTitles[d.measureId] = names.measureTitle;
      recipient = names.recipient;
    }
    return roundLetter(decisions, await letterSettingsAt(this.runner, office, position), { recipient, measureTitles });
  }
}
