import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { assertUdir } from '../access.js';
import { YrkesfagFrame } from '../county-frame.aggregate.js';
import { defaultReportDeadline } from '../reference.js';

export class SetFrameCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: { countyOrg: string; year: number; amount: number; reportDeadline?: string },
  ) {}
}

@CommandHandler(SetFrameCommand)
export class SetFrameHandler implements ICommandHandler<SetFrameCommand, CommandOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory,
  ) {}

  async execute({ meta, input }: SetFrameCommand) {
    assertUdir(meta.actor, 'sets YRKESFAG frames (R24)');
    const organisation = await this.directory.get(input.countyOrg);
    return this.runner.run(
      YrkesfagFrame,
      input.countyOrg,
      {
        type: 'SetFrame',
        county: input.countyOrg,
        year: input.year,
        amount: input.amount,
        reportDeadline: input.reportDeadline ?? defaultReportDeadline(input.year),
        organisation,
      },
      meta,
      { created: true, retryOnConflict: true, extra: () => ({ year: input.year }) },
    );
  }
}
