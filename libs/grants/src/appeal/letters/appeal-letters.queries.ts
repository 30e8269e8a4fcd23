import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  MEASURE_CATALOG,
  NotFoundError,
  ORGANISATION_DIRECTORY,
  type Actor,
  type MeasureCatalog,
  type OrganisationDirectory,
} from '#libs/kernel';
import { CommandRunner } from '#libs/platform';
import { positioned } from '../../letters/grant-letters/grant-letters.service.js';
import { letterSettingsAt } from '../../letters/letter-settings/letter-settings.queries.js';
import type { LetterModel } from '../../letters/model/letter.model.js';
import { loadAppeal } from '../../read-model/appeals/appeals.queries.js';
import { appealLetter, appealLetterSteps } from './appeal-letter.js';

export class GetAppealLetter {
  constructor(
    readonly actor: Actor,
    readonly appealId: string,
    readonly n: number,
    readonly asOf?: number,
  ) {}
}

/** R22/R23: the letter telling the appellant an outcome; R20: the appellant, its office, the ministry. */
@QueryHandler(GetAppealLetter)
export class GetAppealLetterHandler implements IQueryHandler<GetAppealLetter, LetterModel> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
  ) {}

  async execute({ actor, appealId, n, asOf }: GetAppealLetter) {
    const loaded = await loadAppeal(this.runner, actor, appealId, asOf);
    const a = loaded.state.lodged;
    const step = appealLetterSteps(positioned(loaded)).find((s) => s.n === n);
    if (!step) throw new NotFoundError('letter', `${appealId}/${n}`);
    const [org, measure, settings] = await Promise.all([
      this.directory.get(a.appellantOrg),
      this.catalog.get(a.measureId),
      letterSettingsAt(this.runner, a.office, step.position),
    ]);
    return appealLetter(a, step, settings, { appellant: org?.name ?? a.appellantOrg, measureTitle: measure?.title ?? a.measureId });
  }
}
