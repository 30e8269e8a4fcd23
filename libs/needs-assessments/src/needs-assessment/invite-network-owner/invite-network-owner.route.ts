import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { InviteOwnerDto } from './invite-network-owner.dto.js';
import { InviteNetworkOwnerCommand } from './invite-network-owner.handler.js';

@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class InviteNetworkOwnerRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/network-owners')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: invite another school owner of the office into the network (R10)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  invite(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: InviteOwnerDto) {
    return this.commands.execute(new InviteNetworkOwnerCommand(meta, id, body.orgNumber));
  }
}
