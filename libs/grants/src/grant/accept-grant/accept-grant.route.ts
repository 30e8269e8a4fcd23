import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AcceptGrantDto } from './accept-grant.dto.js';
import { AcceptGrantCommand } from './accept-grant.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class AcceptGrantRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':grantId/acceptance')
  @Roles('school_owner', 'university')
  @ApiOperation({ summary: 'The recipient accepts the grant and commits its co-financing per year (R7, R8)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  accept(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: AcceptGrantDto) {
    return this.commands.execute(new AcceptGrantCommand(meta, grantId, body));
  }
}
