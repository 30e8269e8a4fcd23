import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '#libs/kernel';
import { CommandRunner, type CommandMeta, type CommandOutcome } from '#libs/platform';
import { OfficeLetterSettings } from '../letter-settings.aggregate.js';
import type { SetLetterSettingsDto } from './set-letter-settings.dto.js';

export class SetLetterSettingsCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly office: string,
    readonly input: SetLetterSettingsDto,
  ) {}
}

@CommandHandler(SetLetterSettingsCommand)
export class SetLetterSettingsHandler implements ICommandHandler<SetLetterSettingsCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  /** R20: the office's own governor sets its letters. */
  execute({ meta, office, input }: SetLetterSettingsCommand) {
    AccessPolicy.assertGovernorOf(meta.actor, office, 'sets letter settings', `Office ${office}`);
    const { language, letterhead, signatory, caseNumberFormat } = input;
    const settings = {
      office,
      language,
      letterhead: { address: letterhead.address, phone: letterhead.phone, email: letterhead.email },
      signatory: { name: signatory.name, title: signatory.title },
      caseNumberFormat,
    };
    return this.runner.run(OfficeLetterSettings, office, { type: 'SetLetterSettings', settings }, meta, { created: false });
  }
}
