import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RevokeAllocationDto } from './revoke-allocation.dto.js';
import { RevokeAllocationCommand } from './revoke-allocation.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class RevokeAllocationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':grantId/revocation')
  @Roles('governor')
  @ApiOperation({ summary: 'Revoke a decision, with a reason; frees the frame (R21); If-Match takes the ETag of GET /grants/{grantId}' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  revoke(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: RevokeAllocationDto) {
    return this.commands.execute(new RevokeAllocationCommand(meta, grantId, body));
  }
}
