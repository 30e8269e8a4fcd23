import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RecordNeedDto } from './record-need.dto.js';
import { RecordNeedCommand } from './record-need.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class RecordNeedRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/needs')
  @Roles('school_owner')
  @Created('/yrkesfag/counties/{id}')
  @ApiOperation({ summary: 'A need from a school or training company, for target groups and programme areas (R24). Answers needId.' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  need(@CommandContext() meta: CommandMeta, @Param('org') org: string, @Body() body: RecordNeedDto) {
    return this.commands.execute(new RecordNeedCommand(meta, org, body));
  }
}
