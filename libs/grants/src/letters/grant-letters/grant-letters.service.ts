import { Inject, Injectable } from '@nestjs/common';
import { MEASURE_CATALOG, NotFoundError, ORGANISATION_DIRECTORY, type MeasureCatalog, type OrganisationDirectory } from '#libs/kernel';
import { CommandRunner, type DomainEvent } from '#libs/platform';
import { FrameLedger, ledgerIdOf, type LedgerEvent } from '../../frame-ledger/frame-ledger.aggregate.js';
import { Grant, type GrantEvent } from '../../grant/grant.aggregate.js';
import { grantIdParts } from '../../common/grant-id.js';
import { letterSettingsAt } from '../letter-settings/letter-settings.queries.js';
import { grantLetter } from '../model/grant-letter.js';
import { grantLetterFacts, grantLetterSteps, type GrantLetterStep, type Positioned } from '../model/grant-steps.js';
import type { LetterModel } from '../model/letter.model.js';

/** A stream's events in today's shape, each with its global position. */
export const positioned = <E extends DomainEvent>(loaded: { events: E[]; stored: Array<{ globalPosition: number }> }): Positioned<E>[] =>
  loaded.events.map((event, i) => ({ event, position: loaded.stored[i].globalPosition }));

export interface LetterListEntry {
  n: number;
  kind: string;
  date: string;
  title: string;
  caseNumber: string;
  appealDeadline: string | null;
  position: number;
}

/**
 * R22: a grant's letters, from its streams (the office ledger's events about it and its own stream), as of a
 * global position; names from the organisation directory and the measure catalog, the office's letter settings
 * as they stood at each letter's event.
 */
@Injectable()
export class GrantLetters {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
  ) {}

  async ledgerEvents(office: string, scheme: Parameters<typeof ledgerIdOf>[1], asOf?: number): Promise<Positioned<LedgerEvent>[]> {
    return positioned(await this.runner.load(FrameLedger, ledgerIdOf(office, scheme), asOf));
  }

  /** The grant's letter steps (404 when it has no decision then). */
  async steps(grantId: string, asOf?: number): Promise<GrantLetterStep[]> {
    const { office, scheme } = grantIdParts(grantId);
    const ledger = await this.ledgerEvents(office, scheme, asOf);
    const grant: Positioned<GrantEvent>[] = positioned(await this.runner.load(Grant, grantId, asOf));
    const steps = grantLetterSteps(grantId, ledger, grant);
    if (steps.length === 0) throw new NotFoundError('grant', grantId);
    return steps;
  }

  async step(grantId: string, n: number, asOf?: number): Promise<GrantLetterStep> {
    const step = (await this.steps(grantId, asOf)).find((s) => s.n === n);
    if (!step) throw new NotFoundError('letter', `${grantId}/${n}`);
    return step;
  }

  async names(org: string, measureId: string) {
    const [recipient, measure] = await Promise.all([this.directory.get(org), this.catalog.get(measureId)]);
    return { recipient: recipient?.name ?? org, measureTitle: measure?.title ?? measureId };
  }

  async model(step: GrantLetterStep): Promise<LetterModel> {
    const settings = await letterSettingsAt(this.runner, step.decision.office, step.position);
    return grantLetter(grantLetterFacts(step, settings, await this.names(step.decision.recipientOrg, step.decision.measureId)));
  }

  async list(grantId: string, asOf?: number): Promise<LetterListEntry[]> {
    const entries: LetterListEntry[] = [];
    for (const s of await this.steps(grantId, asOf)) {
      const m = await this.model(s);
      entries.push({
        n: s.n,
        kind: s.kind,
        date: s.date,
        title: m.title,
        caseNumber: s.caseNumber,
        appealDeadline: m.appealDeadline,
        position: s.position,
      });
    }
    return entries;
  }
}
