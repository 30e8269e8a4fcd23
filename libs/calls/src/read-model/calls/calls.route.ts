import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf, PageQueryDto } from '#libs/http';
import { GetCall, GetCallHistory, ListCalls } from './calls.queries.js';
import { CallListQueryDto, CallViewDto } from './calls.view.js';

@ApiTags('calls')
@ApiBearerAuth('bearer')
@Controller('calls')
export class CallsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'All calls (every authenticated user)' })
  @ApiPage(CallViewDto)
  @ApiRead()
  list(@Query() filter: CallListQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListCalls(filter, pageOf(filter), asOf));
  }

  @Get(':callId')
  @ApiOperation({ summary: 'One call, with its version as ETag' })
  @ApiOkResponse({ type: CallViewDto })
  @ApiRead()
  get(@Param('callId') callId: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetCall(callId, asOf));
  }

  @Get(':callId/history')
  @ApiOperation({ summary: "The call's events in order: type, time, actor, reason (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(@Param('callId') callId: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetCallHistory(callId, pageOf(page), asOf));
  }
}
