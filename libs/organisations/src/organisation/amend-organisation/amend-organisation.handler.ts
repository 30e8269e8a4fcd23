import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { OrgKind } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { directoryOfficeOf } from '../actor-office.js';
import { Organisation } from '../organisation.aggregate.js';

export interface AmendOrganisationInput {
  name?: string;
  kind?: OrgKind;
  municipalityNumber?: string;
  countyNumber?: string;
  reason: string;
}

export class AmendOrganisationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly orgNumber: string,
    readonly input: AmendOrganisationInput,
  ) {}
}

@CommandHandler(AmendOrganisationCommand)
export class AmendOrganisationHandler implements ICommandHandler<AmendOrganisationCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, orgNumber, input }: AmendOrganisationCommand) {
    const actorOffice = directoryOfficeOf(meta.actor, 'amend organisations');
    return this.runner.run(Organisation, orgNumber, { type: 'AmendOrganisation', ...input, actorOffice }, meta, { reason: input.reason });
  }
}
