import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { CommitPartnershipDto } from './commit.dto.js';
import { CommitCommand } from './commit.handler.js';

@ApiTags('partnerships')
@ApiBearerAuth('bearer')
@Controller('partnerships')
export class CommitRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':measureId/commitment')
  @HttpCode(200)
  @Roles('university')
  @ApiOperation({ summary: 'Commit to a measure that names you: competence areas, capacity, period, contact role (R3)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  commit(@CommandContext() meta: CommandMeta, @Param('measureId') measureId: string, @Body() body: CommitPartnershipDto) {
    return this.commands.execute(new CommitCommand(meta, measureId, body));
  }
}
