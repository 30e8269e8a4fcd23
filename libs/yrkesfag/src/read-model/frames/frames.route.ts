import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf, PageQueryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { GetYrkesfagCounty, GetYrkesfagHistory, ListYrkesfagCounties } from './frames.queries.js';
import { CountyFrameViewDto } from './frames.view.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag/counties')
export class YrkesfagFramesRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('ministry', 'school_owner')
  @ApiOperation({
    summary:
      "Every county's YRKESFAG frame, payments, plan and spending totals and report obligations (Udir); a county municipality sees its own (R20)",
  })
  @ApiPage(CountyFrameViewDto)
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListYrkesfagCounties(actor, pageOf(page), asOf));
  }

  @Get(':org')
  @Roles('ministry', 'school_owner', 'university')
  @ApiOperation({
    summary:
      "One county's frame per year: paid, planned, spent, unspent, claimed, repaid, report due/overdue (R15, R16, R26); its version as ETag",
  })
  @ApiOkResponse({ type: CountyFrameViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('org') org: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetYrkesfagCounty(actor, org, asOf));
  }

  @Get(':org/history')
  @Roles('ministry', 'school_owner', 'university')
  @ApiOperation({ summary: "The county's YRKESFAG events in order: type, time, actor, reason (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('org') org: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetYrkesfagHistory(actor, org, pageOf(page), asOf));
  }
}
