import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { DecideAppealDto } from './decide-appeal.dto.js';
import { DecideAppealCommand } from './decide-appeal.handler.js';

@ApiTags('appeals')
@ApiBearerAuth('bearer')
@Controller('appeals')
export class DecideAppealRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appealId/decision')
  @Roles('ministry')
  @ApiOperation({
    summary:
      "Udir's decision on a forwarded appeal (R23): upheld, reversed or partly reversed (charged to the frame, R18; 422 when no room)",
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  decide(@CommandContext() meta: CommandMeta, @Param('appealId') appealId: string, @Body() body: DecideAppealDto) {
    return this.commands.execute(new DecideAppealCommand(meta, appealId, body));
  }
}
