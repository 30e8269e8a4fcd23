import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { YearParam } from '../year-param.js';
import { YrkesfagSettleRepaymentDto } from './settle-repayment.dto.js';
import { SettleRepaymentCommand } from './settle-repayment.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/frames')
export class SettleRepaymentRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/:year/repayment-claims/:claimId/settlements')
  @HttpCode(200)
  @Roles('ministry')
  @ApiOperation({ summary: 'Udir records money repaid on a claim: its own event, never netted (R16)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  settle(
    @CommandContext() meta: CommandMeta,
    @Param('org') org: string,
    @YearParam() year: number,
    @Param('claimId') claimId: string,
    @Body() body: YrkesfagSettleRepaymentDto,
  ) {
    return this.commands.execute(new SettleRepaymentCommand(meta, org, year, claimId, body));
  }
}
