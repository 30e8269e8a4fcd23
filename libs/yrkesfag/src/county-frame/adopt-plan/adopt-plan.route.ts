import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { YearParam } from '../year-param.js';
import { AdoptPlanDto } from './adopt-plan.dto.js';
import { AdoptPlanCommand } from './adopt-plan.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class AdoptPlanRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/plans/:year')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({
    summary:
      "The county's plan for a year: measures by priority and the money split over them, never over the frame (R18, R24). Answers revision.",
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  adopt(@CommandContext() meta: CommandMeta, @Param('org') org: string, @YearParam() year: number, @Body() body: AdoptPlanDto) {
    return this.commands.execute(new AdoptPlanCommand(meta, org, year, body));
  }
}
