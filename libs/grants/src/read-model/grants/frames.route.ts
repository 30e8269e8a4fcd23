import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf, PageQueryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { schemeOf } from '../../common/scheme-param.js';
import { GetFrameLedgerHistory, ListFrames } from './frames.queries.js';
import { FrameQueryDto, FrameViewDto } from './grants.dto.js';

@ApiTags('frames')
@ApiBearerAuth('bearer')
@Controller('frames')
export class FramesRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('ministry', 'governor')
  @ApiOperation({
    summary:
      'Frames with commitments from earlier years, decided, free, paid and repaid per office, scheme and year (ministry: all; governor: its office)',
  })
  @ApiPage(FrameViewDto)
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: FrameQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListFrames(actor, filter, pageOf(filter), asOf));
  }

  @Get(':office/:scheme/history')
  @Roles('ministry', 'governor')
  @ApiOperation({ summary: "The frame ledger's events: frames, adjustments, decisions, amendments, revocations (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(
    @CurrentActor() actor: Actor,
    @Param('office') office: string,
    @Param('scheme') scheme: string,
    @Query() page: PageQueryDto,
    @AsOf() asOf?: number,
  ) {
    return this.queries.execute(new GetFrameLedgerHistory(actor, office, schemeOf(scheme), pageOf(page), asOf));
  }
}
