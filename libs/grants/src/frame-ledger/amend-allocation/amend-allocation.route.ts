import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AmendAllocationDto } from './amend-allocation.dto.js';
import { AmendAllocationCommand } from './amend-allocation.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class AmendAllocationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':grantId/amendments')
  @Roles('governor')
  @ApiOperation({ summary: 'Amend a decision, with a reason (R21, R18); If-Match takes the ETag of GET /grants/{grantId}' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  amend(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: AmendAllocationDto) {
    return this.commands.execute(new AmendAllocationCommand(meta, grantId, body));
  }
}
