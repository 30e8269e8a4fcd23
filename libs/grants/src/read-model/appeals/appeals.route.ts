import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#libs/auth';
import { ApiPage, ApiRead, AsOf } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { GetAppeal, GetOfficeAppeals, ListAppeals } from './appeals.queries.js';
import { AppealListQueryDto, AppealRowDto } from './appeals.view.js';

@ApiTags('appeals')
@ApiBearerAuth('bearer')
@Controller()
export class AppealsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get('appeals')
  @ApiOperation({
    summary: 'Appeals visible to you (R20): the ministry all, a governor its office, a party its own; ?status=open for lodged or forwarded',
  })
  @ApiPage(AppealRowDto, 'One row per appeal')
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: AppealListQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListAppeals(actor, filter, asOf));
  }

  @Get('appeals/:appealId')
  @ApiOperation({
    summary:
      'One appeal: grounds, deadline, late or not, status, every step with actor, time and reason, its letters (R23); version as ETag',
  })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('appealId') appealId: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetAppeal(actor, appealId, asOf));
  }

  @Get('offices/:office/appeals')
  @ApiOperation({
    summary:
      "The governor's overview of open appeals: waiting for the governor or Udir, deadlines, late, days open (R23; R20: its governor, the ministry)",
  })
  @ApiRead()
  office(@CurrentActor() actor: Actor, @Param('office') office: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetOfficeAppeals(actor, office, asOf));
  }
}
