import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { YearParam } from '../year-param.js';
import { YrkesfagAdjustFrameDto } from './adjust-frame.dto.js';
import { AdjustFrameCommand } from './adjust-frame.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/frames')
export class AdjustFrameRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/:year/adjustments')
  @HttpCode(200)
  @Roles('ministry')
  @ApiOperation({ summary: "Udir adjusts a county's frame with a reason; never below what is paid or planned (R18, R21)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  adjust(@CommandContext() meta: CommandMeta, @Param('org') org: string, @YearParam() year: number, @Body() body: YrkesfagAdjustFrameDto) {
    return this.commands.execute(new AdjustFrameCommand(meta, org, year, body));
  }
}
