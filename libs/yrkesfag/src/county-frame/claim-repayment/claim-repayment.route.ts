import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto, Created } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { YearParam } from '../year-param.js';
import { YrkesfagClaimRepaymentDto } from './claim-repayment.dto.js';
import { ClaimRepaymentCommand } from './claim-repayment.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/frames')
export class ClaimRepaymentRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/:year/repayment-claims')
  @Roles('ministry')
  @Created('/yrkesfag/counties/{id}')
  @ApiOperation({ summary: 'Udir claims unspent money (paid − spent) back, with a reason: its own event (R16). Answers claimId.' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  claim(
    @CommandContext() meta: CommandMeta,
    @Param('org') org: string,
    @YearParam() year: number,
    @Body() body: YrkesfagClaimRepaymentDto,
  ) {
    return this.commands.execute(new ClaimRepaymentCommand(meta, org, year, body));
  }
}
