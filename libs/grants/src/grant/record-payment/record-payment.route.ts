import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, CommandContext, CommandResultDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { RecordPaymentDto } from './record-payment.dto.js';
import { RecordPaymentCommand } from './record-payment.handler.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class RecordPaymentRoute {
  constructor(private readonly commands: CommandBus) {}

  @Post(':grantId/payments')
  @Roles('governor')
  @ApiOperation({ summary: 'Record a payment; refused while the recipient has an overdue report (R15)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  pay(@CommandContext() meta: CommandMeta, @Param('grantId') grantId: string, @Body() body: RecordPaymentDto) {
    return this.commands.execute(new RecordPaymentCommand(meta, grantId, body));
  }
}
