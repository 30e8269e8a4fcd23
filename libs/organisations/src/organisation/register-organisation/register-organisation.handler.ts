import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { OrgKind } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { directoryOfficeOf } from '../actor-office.js';
import { Organisation } from '../organisation.aggregate.js';

export interface RegisterOrganisationInput {
  orgNumber: string;
  name: string;
  kind: OrgKind;
  municipalityNumber?: string;
  countyNumber?: string;
}

export class RegisterOrganisationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly input: RegisterOrganisationInput,
  ) {}
}

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ meta, input }: RegisterOrganisationCommand) {
    const actorOffice = directoryOfficeOf(meta.actor, 'register organisations');
    return this.runner.run(Organisation, input.orgNumber, { type: 'RegisterOrganisation', ...input, actorOffice }, meta);
  }
}
