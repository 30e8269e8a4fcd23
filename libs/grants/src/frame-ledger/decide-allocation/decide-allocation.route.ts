import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { DecideAllocationDto } from './decide-allocation.dto.js';
import { DecideAllocationCommand } from './decide-allocation.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class DecideAllocationRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('governor')
  @Created('/grants/{id}')
  @ApiOperation({ summary: 'Decide an allocation (vedtak) for one recipient and measure, money per year (R1, R2, R9, R10, R12, R14, R18)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  decide(@CommandContext() meta: CommandMeta, @Body() body: DecideAllocationDto) {
    return this.commands.execute(new DecideAllocationCommand(meta, body));
  }
}
