import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { SettleRepaymentDto } from './settle-repayment.dto.js';
import { SettleRepaymentCommand } from './settle-repayment.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class SettleRepaymentRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':grantId/repayment-claims/:claimId/settlements')
  @Roles('governor')
  @ApiOperation({ summary: 'Record money repaid on a claim (R16: its own event, never netted)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  settle(
    @CommandContext() meta: CommandMeta,
    @Param('grantId') grantId: string,
    @Param('claimId') claimId: string,
    @Body() body: SettleRepaymentDto,
  ) {
    return this.commands.execute(new SettleRepaymentCommand(meta, grantId, claimId, body));
  }
}
