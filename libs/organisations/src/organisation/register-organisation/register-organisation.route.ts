import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RegisterOrganisationDto } from './register-organisation.dto.js';
import { RegisterOrganisationCommand } from './register-organisation.handler.js';

@ApiTags('organisations')
@ApiBearerAuth('bearer')
@Controller('organisations')
export class RegisterOrganisationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ministry', 'governor')
  @Created('/organisations/{id}')
  @ApiOperation({ summary: 'Register a school owner, university or other party (R19: placed in one county and office)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  register(@CommandContext() meta: CommandMeta, @Body() body: RegisterOrganisationDto) {
    return this.commands.execute(new RegisterOrganisationCommand(meta, body));
  }
}
