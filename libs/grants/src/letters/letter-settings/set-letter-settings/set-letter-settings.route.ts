import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, CommandContext, CommandResultDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import type { CommandMeta } from '#libs/platform';
import { GetLetterSettings } from '../letter-settings.queries.js';
import { SetLetterSettingsDto } from './set-letter-settings.dto.js';
import { SetLetterSettingsCommand } from './set-letter-settings.handler.js';

@ApiTags('letters')
@ApiBearerAuth('bearer')
@Controller('offices')
export class LetterSettingsRoute {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':office/letter-settings')
  @Roles('governor')
  @ApiOperation({ summary: "Set the office's letters: bokmål or nynorsk, letterhead, signatory, case-number format (R22)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  set(@CommandContext() meta: CommandMeta, @Param('office') office: string, @Body() body: SetLetterSettingsDto) {
    return this.commands.execute(new SetLetterSettingsCommand(meta, office, body));
  }

  @Get(':office/letter-settings')
  @ApiOperation({
    summary: "The office's letter settings in force (defaults until set); version as ETag (R20: its governor, the ministry)",
  })
  @ApiRead({ asOf: false })
  get(@CurrentActor() actor: Actor, @Param('office') office: string) {
    return this.queries.execute(new GetLetterSettings(actor, office));
  }
}
