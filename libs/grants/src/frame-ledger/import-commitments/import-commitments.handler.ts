import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, CLOCK, ORGANISATION_DIRECTORY, type Clock, type OrganisationDirectory, type Scheme } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { grantIdOf } from '../../common/grant-id.js';
import { FrameLedger, ledgerIdOf } from '../frame-ledger.aggregate.js';
import type { ImportCommitmentsDto } from './import-commitments.dto.js';
import type { ImportRow } from './import-commitments.decide.js';

export class ImportCommitmentsCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly office: string,
    readonly scheme: Scheme,
    readonly input: ImportCommitmentsDto,
  ) {}
}

/** An imported grant's measure id: from its case number and title, so the same row is the same grant on a re-run. */
export const importedMeasureId = (caseNumber: string, title: string) =>
  `imp-${createHash('sha256').update(`${caseNumber.trim()}\n${title.trim()}`).digest('hex').slice(0, 16)}`;

@CommandHandler(ImportCommitmentsCommand)
export class ImportCommitmentsHandler implements ICommandHandler<ImportCommitmentsCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  /** R20: the office's governor; the recipients' kinds (R1, R19) into the decider; one all-or-nothing append. */
  async execute({ meta, office, scheme, input }: ImportCommitmentsCommand): Promise<CommandOutcome> {
    AccessPolicy.assertGovernorOf(meta.actor, office, 'imports earlier commitments', `Office ${office}`);
    const orgs = await this.directory.getMany([...new Set(input.rows.map((r) => r.recipientOrg).filter((o) => /^\d{9}$/.test(o)))]);
    const rows: ImportRow[] = input.rows.map((r) => {
      const measureId = importedMeasureId(r.caseNumber, r.measureTitle);
      const grantId = /^\d{9}$/.test(r.recipientOrg) ? grantIdOf(office, scheme, measureId, r.recipientOrg) : `invalid:${r.recipientOrg}`;
      return {
        grantId,
        measureId,
        recipientOrg: r.recipientOrg,
        recipientKind: orgs.get(r.recipientOrg)?.kind ?? null,
        measureTitle: r.measureTitle,
        caseNumber: r.caseNumber,
        decisionDate: r.decisionDate,
        lines: r.amounts,
      };
    });
    const outcome = await this.runner.run(
      FrameLedger,
      ledgerIdOf(office, scheme),
      { type: 'ImportCommitments', office, scheme, rows, today: this.clock.today() },
      meta,
      {
        created: false,
        reason: 'commitments decided before Dekomp, imported',
        extra: (_, events) => ({
          imported: events.length,
          unchanged: rows.length - events.length,
          grants: events.map((e) => (e.data as { grantId: string }).grantId),
        }),
      },
    );
    // A re-run that writes nothing answers the same counts.
    return outcome.events.length > 0 ? outcome : { ...outcome, extra: { imported: 0, unchanged: rows.length, grants: [] } };
  }
}
