import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { ReconsiderAppealDto } from './reconsider-appeal.dto.js';
import { ReconsiderAppealCommand } from './reconsider-appeal.handler.js';

@ApiTags('appeals')
@ApiBearerAuth('bearer')
@Controller('appeals')
export class ReconsiderAppealRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appealId/reconsideration')
  @Roles('governor')
  @ApiOperation({
    summary:
      "The governor's reconsideration (R23): reversed or partly reversed (a new decision on the frame, R18; 422 when no room), upheld (forwarded to Udir), or a late appeal dismissed",
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  reconsider(@CommandContext() meta: CommandMeta, @Param('appealId') appealId: string, @Body() body: ReconsiderAppealDto) {
    return this.commands.execute(new ReconsiderAppealCommand(meta, appealId, body));
  }
}
