import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '#libs/kernel';
import { assertCanSeeGrant } from '../../read-model/grants/grants.queries.js';
import type { LetterModel } from '../model/letter.model.js';
import { GrantLetters, type LetterListEntry } from './grant-letters.service.js';

export class ListGrantLetters {
  constructor(
    readonly actor: Actor,
    readonly grantId: string,
    readonly asOf?: number,
  ) {}
}
export class GetGrantLetter {
  constructor(
    readonly actor: Actor,
    readonly grantId: string,
    readonly n: number,
    readonly asOf?: number,
  ) {}
}

/** R20: the recipient, its governor office and the ministry read a grant's letters. */
@QueryHandler(ListGrantLetters)
export class ListGrantLettersHandler implements IQueryHandler<ListGrantLetters, LetterListEntry[]> {
  constructor(private readonly letters: GrantLetters) {}

  execute({ actor, grantId, asOf }: ListGrantLetters) {
    assertCanSeeGrant(actor, grantId);
    return this.letters.list(grantId, asOf);
  }
}

@QueryHandler(GetGrantLetter)
export class GetGrantLetterHandler implements IQueryHandler<GetGrantLetter, LetterModel> {
  constructor(private readonly letters: GrantLetters) {}

  async execute({ actor, grantId, n, asOf }: GetGrantLetter) {
    assertCanSeeGrant(actor, grantId);
    return this.letters.model(await this.letters.step(grantId, n, asOf));
  }
}
