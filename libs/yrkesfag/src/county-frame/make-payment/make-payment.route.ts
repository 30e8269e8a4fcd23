import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { YearParam } from '../year-param.js';
import { MakePaymentDto } from './make-payment.dto.js';
import { MakePaymentCommand } from './make-payment.handler.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/frames')
export class MakePaymentRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':org/:year/payments')
  @HttpCode(200)
  @Roles('ministry')
  @ApiOperation({
    summary:
      'Udir pays part of the frame on a date: never above the frame (R18), not while an earlier report is overdue (R15). Answers paymentId.',
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  pay(@CommandContext() meta: CommandMeta, @Param('org') org: string, @YearParam() year: number, @Body() body: MakePaymentDto) {
    return this.commands.execute(new MakePaymentCommand(meta, org, year, body));
  }
}
