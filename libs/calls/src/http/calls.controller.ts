import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOfPipe, CommandContext } from '#libs/http';
import { CommandResultDto, HistoryEntryDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { ExtendCallDeadline, OpenCall } from '../application/commands.js';
import { GetCall, GetCallHistory, ListCalls } from '../application/queries.js';
import { CallListQueryDto, CallViewDto, ExtendCallDeadlineDto, OpenCallDto } from './dto.js';

@ApiTags('calls')
@ApiBearerAuth('bearer')
@Controller('calls')
export class CallsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('governor')
  @ApiOperation({ summary: 'Open the call for needs assessments for your office, a scheme and a year (R14)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  open(@CommandContext() meta: CommandMeta, @Body() body: OpenCallDto) {
    return this.commands.execute(new OpenCall(meta, body));
  }

  @Post(':callId/deadline-extensions')
  @HttpCode(200)
  @Roles('governor')
  @ApiOperation({ summary: "Extend a call's deadline, with a reason" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  extend(@CommandContext() meta: CommandMeta, @Param('callId') callId: string, @Body() body: ExtendCallDeadlineDto) {
    return this.commands.execute(new ExtendCallDeadline(meta, callId, body));
  }

  @Get()
  @ApiOperation({ summary: 'All calls (every authenticated user)' })
  @ApiOkResponse({ type: [CallViewDto] })
  @ApiRead()
  list(@Query() filter: CallListQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListCalls(filter, asOf));
  }

  @Get(':callId')
  @ApiOperation({ summary: 'One call, with its version as ETag' })
  @ApiOkResponse({ type: CallViewDto })
  @ApiRead()
  get(@Param('callId') callId: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetCall(callId, asOf));
  }

  @Get(':callId/history')
  @ApiOperation({ summary: "The call's events in order: type, time, actor, reason (R21)" })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRead()
  history(@Param('callId') callId: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetCallHistory(callId, asOf));
  }
}
