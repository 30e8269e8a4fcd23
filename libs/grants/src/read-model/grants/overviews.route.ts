import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiRead, AsOf } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { GovernorOverviewDto, OverviewQueryDto, RecipientOverviewDto } from './grants.dto.js';
import { GetGovernorOverview, GetRecipientOverview } from './overviews.queries.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller()
export class GrantOverviewsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get('governor/overview')
  @Roles('governor', 'ministry')
  @ApiOperation({
    summary:
      "A governor office's year: frame, commitments, decided, free; per recipient and measure; overdue reports and co-financing shortfalls",
  })
  @ApiOkResponse({ type: GovernorOverviewDto })
  @ApiRead()
  governor(@CurrentActor() actor: Actor, @Query() filter: OverviewQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetGovernorOverview(actor, filter, asOf));
  }

  @Get('recipients/:orgNumber/grants')
  @ApiParam({ name: 'orgNumber', example: '964965226' })
  @ApiOperation({
    summary: "A school owner's or university's grants, obligations (co-financing, report deadlines, repayments), reports and payments",
  })
  @ApiOkResponse({ type: RecipientOverviewDto })
  @ApiRead()
  recipient(@CurrentActor() actor: Actor, @Param('orgNumber') org: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetRecipientOverview(actor, org, asOf));
  }
}
