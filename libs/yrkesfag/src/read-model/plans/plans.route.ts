import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiRead, AsOf } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { PROGRAMME_AREAS } from '../../county-frame/reference.js';
import { GetYrkesfagForum, GetYrkesfagPlan } from './plans.queries.js';
import { CountyForumViewDto, PlanViewDto, ProgrammeAreaDto } from './plans.view.js';

@ApiTags('yrkesfag')
@ApiBearerAuth('bearer')
@Controller('yrkesfag')
export class YrkesfagPlansRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get('programme-areas')
  @ApiOperation({ summary: 'The vocational programme areas (utdanningsprogram) by code, with Norwegian names' })
  @ApiOkResponse({ type: [ProgrammeAreaDto] })
  programmeAreas() {
    return Object.entries(PROGRAMME_AREAS).map(([code, name]) => ({ code, name }));
  }

  @Get('counties/:org/plans/:year')
  @Roles('ministry', 'school_owner', 'university')
  @ApiOperation({
    summary:
      "The county's plan for a year: measures by priority with provider, money, spending and participants per target group, and the needs (R24)",
  })
  @ApiOkResponse({ type: PlanViewDto })
  @ApiRead()
  plan(
    @CurrentActor() actor: Actor,
    @Param('org') org: string,
    @Param('year', new ParseIntPipe({ errorHttpStatusCode: 400 })) year: number,
    @AsOf() asOf?: number,
  ) {
    return this.queries.execute(new GetYrkesfagPlan(actor, org, year, asOf));
  }

  @Get('counties/:org/forum')
  @Roles('ministry', 'school_owner', 'university')
  @ApiOperation({ summary: "The county's YRKESFAG forum: members over time by category, and meetings (R24)" })
  @ApiOkResponse({ type: CountyForumViewDto })
  @ApiRead()
  forum(@CurrentActor() actor: Actor, @Param('org') org: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetYrkesfagForum(actor, org, asOf));
  }
}
