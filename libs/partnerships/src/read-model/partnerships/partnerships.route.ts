import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { GetCommittedCapacity, GetPartnership, GetPartnershipHistory, ListPartnerships } from './partnerships.queries.js';
import {
  CapacityViewDto,
  PartnershipListQueryDto,
  PartnershipViewDto,
  UniversityPageQueryDto,
  UniversityQueryDto,
} from './partnerships.dto.js';

/**
 * University partnerships (R3): a university reads the measures that name it and answers. Anything that does not
 * name the calling university is 404, so it learns nothing of other measures (R20).
 */
@ApiTags('partnerships')
@ApiBearerAuth('bearer')
@Controller('partnerships')
export class PartnershipsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('university', 'governor', 'ministry')
  @ApiOperation({ summary: "A university's requests, commitments and declines (a governor: its office's)" })
  @ApiPage(PartnershipViewDto)
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: PartnershipListQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListPartnerships(actor, filter, pageOf(filter), asOf));
  }

  @Get('capacity')
  @Roles('university', 'governor', 'ministry')
  @ApiOperation({ summary: 'Committed capacity per school year (hours) of a university' })
  @ApiOkResponse({ type: CapacityViewDto })
  @ApiRead()
  capacity(@CurrentActor() actor: Actor, @Query() q: UniversityQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetCommittedCapacity(actor, q.university, asOf));
  }

  @Get(':measureId')
  @Roles('university', 'governor', 'ministry')
  @ApiOperation({ summary: 'One measure that names the university, with its answer' })
  @ApiOkResponse({ type: PartnershipViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('measureId') measureId: string, @Query() q: UniversityQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetPartnership(actor, measureId, q.university, asOf));
  }

  @Get(':measureId/history')
  @Roles('university', 'governor', 'ministry')
  @ApiOperation({ summary: "The partnership's events: type, time, actor, reason (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('measureId') measureId: string, @Query() q: UniversityPageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetPartnershipHistory(actor, measureId, q.university, pageOf(q), asOf));
  }
}
