import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import type { AmountLine } from '../frame-ledger/frame-ledger.aggregate.js';
import { GrantLetters } from '../letters/grant-letters/grant-letters.service.js';
import { Appeal, type AppealCommand, type AppealLodgedData, type Remedy } from './appeal.aggregate.js';
import { AppealRemedies, requestedLines } from './appeal-remedy.js';
import { isReversal } from './reconsider-appeal/reconsider-appeal.decide.js';

export interface AppealStep {
  outcome: string;
  reason: string;
  amounts?: AmountLine[];
  /** R20 on the lodged appeal (the office's governor, or the ministry). */
  authorize: (a: AppealLodgedData) => void;
  command: (remedy: Remedy | null) => AppealCommand;
}

/**
 * A decision on an appeal (the governor's or Udir's): R20 on the appeal, the step decided first without writing
 * (so a refused step writes nothing), then a reversal's change on the frame ledger (R18: refused with 422,
 * nothing written), then the step on the appeal's stream, with the new letter of the changed grant.
 */
@Injectable()
export class AppealStepRunner {
  constructor(
    private readonly runner: CommandRunner,
    private readonly remedies: AppealRemedies,
    private readonly letters: GrantLetters,
  ) {}

  async run(meta: CommandMeta, appealId: string, step: AppealStep): Promise<CommandOutcome> {
    const { state } = await this.runner.load(Appeal, appealId);
    const a = state.lodged;
    if (!a) throw new NotFoundError('appeal', appealId);
    step.authorize(a);
    let remedy: Remedy | null = null;
    if (isReversal(step.outcome)) {
      const lines =
        step.amounts ?? (step.outcome === 'reversed' ? await requestedLines(this.remedies.catalog, a.measureId, a.appellantOrg) : []);
      remedy = await this.remedies.plan(a, lines);
    }
    await this.runner.simulate(Appeal, appealId, step.command(remedy));
    if (remedy) remedy = await this.remedies.execute(meta, a, remedy, step.reason);
    const letter = remedy ? (await this.letters.steps(remedy.grantId)).at(-1)!.n : null;
    return this.runner.run(Appeal, appealId, step.command(remedy), meta, {
      reason: step.reason,
      extra: () =>
        remedy ? { remedy: { grantId: remedy.grantId, kind: remedy.kind, letter: `/grants/${remedy.grantId}/letters/${letter}` } } : {},
    });
  }
}
