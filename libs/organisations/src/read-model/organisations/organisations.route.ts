import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf, PageQueryDto } from '#libs/http';
import { GetOrganisation, GetOrganisationHistory, ListOrganisations } from './organisations.queries.js';
import { OrganisationQueryDto, OrganisationViewDto } from './organisations.view.js';

@ApiTags('organisations')
@ApiBearerAuth('bearer')
@Controller('organisations')
export class OrganisationsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The organisation directory (public facts: every authenticated user)' })
  @ApiPage(OrganisationViewDto)
  @ApiRead()
  list(@Query() filter: OrganisationQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListOrganisations(filter, pageOf(filter), asOf));
  }

  @Get(':orgNumber')
  @ApiOperation({ summary: 'One organisation, with its version as ETag' })
  @ApiOkResponse({ type: OrganisationViewDto })
  @ApiRead()
  get(@Param('orgNumber') orgNumber: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetOrganisation(orgNumber, asOf));
  }

  @Get(':orgNumber/history')
  @ApiOperation({ summary: "The organisation's events in order: type, time, actor, reason (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(@Param('orgNumber') orgNumber: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetOrganisationHistory(orgNumber, pageOf(page), asOf));
  }
}
