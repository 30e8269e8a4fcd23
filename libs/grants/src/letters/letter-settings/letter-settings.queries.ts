import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, NotFoundError, type Actor } from '#libs/kernel';
import { CommandRunner, Versioned } from '#libs/platform';
import { isKnownOfficeCode } from '#libs/reference-data';
import { effectiveLetterSettings, OfficeLetterSettings, type LetterSettings } from './letter-settings.aggregate.js';

export class GetLetterSettings {
  constructor(
    readonly actor: Actor,
    readonly office: string,
  ) {}
}

/** The settings in force for an office's letters at a global position (a letter uses those of its event). */
export async function letterSettingsAt(runner: CommandRunner, office: string, asOf?: number): Promise<LetterSettings> {
  const { state } = await runner.load(OfficeLetterSettings, office, asOf);
  return effectiveLetterSettings(office, state);
}

@QueryHandler(GetLetterSettings)
export class GetLetterSettingsHandler implements IQueryHandler<GetLetterSettings, Versioned<LetterSettings>> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ actor, office }: GetLetterSettings) {
    if (!isKnownOfficeCode(office)) throw new NotFoundError('office', office);
    AccessPolicy.assertCanSee(actor, { office }, `The letter settings of office ${office}`);
    const { state, version } = await this.runner.load(OfficeLetterSettings, office);
    return new Versioned(effectiveLetterSettings(office, state), version);
  }
}
