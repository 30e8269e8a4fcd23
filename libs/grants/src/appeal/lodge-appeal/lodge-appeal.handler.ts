import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, MEASURE_CATALOG, NotFoundError, type Clock, type MeasureCatalog } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { FrameLedger, ledgerIdOf } from '../../frame-ledger/frame-ledger.aggregate.js';
import { GrantLetters } from '../../letters/grant-letters/grant-letters.service.js';
import { grantIdOf, grantIdParts } from '../../common/grant-id.js';
import { sum } from '../../common/money.js';
import { Appeal, appealIdOf } from '../appeal.aggregate.js';
import type { LodgeAppealDto } from './lodge-appeal.dto.js';

export class LodgeAppealCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: LodgeAppealDto,
  ) {}
}

@CommandHandler(LodgeAppealCommand)
export class LodgeAppealHandler implements ICommandHandler<LodgeAppealCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly letters: GrantLetters,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog,
  ) {}

  /** R23: a school owner or university appeals for itself; the letter from the grant's streams, asked and got from the catalog and the ledger. */
  async execute({ meta, input }: LodgeAppealCommand) {
    AccessPolicy.assertRole(meta.actor, ['school_owner', 'university'], 'lodges appeals (for itself)');
    const org = meta.actor.org;
    const { office, scheme } = grantIdParts(input.grantId);
    const steps = await this.letters.steps(input.grantId);
    const step = input.letter === undefined ? steps.at(-1)! : steps.find((s) => s.n === input.letter);
    if (!step) throw new NotFoundError('letter', `${input.grantId}/${input.letter}`);
    const d = step.decision;
    const [measure, ledger] = await Promise.all([this.catalog.get(d.measureId), this.runner.load(FrameLedger, ledgerIdOf(office, scheme))]);
    const own = ledger.state.grants[grantIdOf(office, scheme, d.measureId, org)];
    const granted = own?.status === 'active' ? sum(own.lines.map((l) => l.amount)) : 0;
    const requested = sum((measure?.requested ?? []).filter((r) => r.org === org).map((r) => r.amount));
    const appealId = appealIdOf(input.grantId, step.n, org);
    return this.runner.run(
      Appeal,
      appealId,
      {
        type: 'LodgeAppeal',
        appealId,
        grant: { grantId: input.grantId, office, scheme, callId: d.callId, measureId: d.measureId, recipientOrg: d.recipientOrg },
        letter: { n: step.n, kind: step.kind, date: step.date, caseNumber: step.caseNumber },
        appellant: { org, ownsMeasure: !!measure?.owners.includes(org), requested, granted },
        grounds: input.grounds,
        today: this.clock.today(),
      },
      meta,
      { reason: input.grounds },
    );
  }
}
