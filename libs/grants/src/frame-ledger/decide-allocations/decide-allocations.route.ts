import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { DecideAllocationsDto } from './decide-allocations.dto.js';
import { DecideAllocationsCommand } from './decide-allocations.handler.js';

@ApiTags('decision day')
@ApiBearerAuth('bearer')
@Controller('grants')
export class DecideAllocationsRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post('bulk-decisions')
  @Roles('governor')
  @ApiOperation({
    summary:
      'Decide many lines at once (from a proposal, the recommendation or a list): all or nothing, one append to the frame ledger (R18); every bad line named (lines[i].…); R12 reason per departing line',
  })
  @ApiCreatedResponse({ type: CommandResultDto, description: 'id: the frame ledger; grants: every grant made; total' })
  @ApiCommand()
  decide(@CommandContext() meta: CommandMeta, @Body() body: DecideAllocationsDto) {
    return this.commands.execute(new DecideAllocationsCommand(meta, body));
  }
}
