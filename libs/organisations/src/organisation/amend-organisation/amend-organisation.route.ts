import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AmendOrganisationDto } from './amend-organisation.dto.js';
import { AmendOrganisationCommand } from './amend-organisation.handler.js';

@ApiTags('organisations')
@ApiBearerAuth('bearer')
@Controller('organisations')
export class AmendOrganisationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':orgNumber/amendments')
  @HttpCode(200)
  @Roles('ministry', 'governor')
  @ApiOperation({ summary: 'Correct an organisation, with a reason (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  amend(@CommandContext() meta: CommandMeta, @Param('orgNumber') orgNumber: string, @Body() body: AmendOrganisationDto) {
    return this.commands.execute(new AmendOrganisationCommand(meta, orgNumber, body));
  }
}
