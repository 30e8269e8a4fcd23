import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { DeclinePartnershipDto } from './decline.dto.js';
import { DeclineCommand } from './decline.handler.js';

@ApiTags('partnerships')
@ApiBearerAuth('bearer')
@Controller('partnerships')
export class DeclineRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':measureId/decline')
  @HttpCode(200)
  @Roles('university')
  @ApiOperation({ summary: 'Decline for lack of competence or capacity; the owner then names another university (R3)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  decline(@CommandContext() meta: CommandMeta, @Param('measureId') measureId: string, @Body() body: DeclinePartnershipDto) {
    return this.commands.execute(new DeclineCommand(meta, measureId, body));
  }
}
