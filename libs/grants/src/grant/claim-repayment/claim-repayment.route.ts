import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { ClaimRepaymentDto } from './claim-repayment.dto.js';
import { ClaimRepaymentCommand } from './claim-repayment.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class ClaimRepaymentRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':grantId/repayment-claims')
  @Roles('governor')
  @ApiOperation({ summary: 'Claim money back, with amount and reason; at most what was paid (R16)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  claim(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: ClaimRepaymentDto) {
    return this.commands.execute(new ClaimRepaymentCommand(meta, grantId, body));
  }
}
