import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RecordSpendingDto } from './record-spending.dto.js';
import { RecordSpendingCommand } from './record-spending.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class RecordSpendingRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/spending')
  @Roles('school_owner')
  @Created('/yrkesfag/counties/{id}')
  @ApiOperation({ summary: 'What a measure spent and the participants it reached per target group (R24). Answers spendingId.' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  spend(@CommandContext() meta: CommandMeta, @Param('org') org: string, @Body() body: RecordSpendingDto) {
    return this.commands.execute(new RecordSpendingCommand(meta, org, body));
  }
}
