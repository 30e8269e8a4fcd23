import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#libs/auth';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf, PageQueryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { GrantQueryDto, GrantViewDto } from './grants.dto.js';
import { GetGrant, GetGrantHistory, ListGrants } from './grants.queries.js';

@ApiTags('grants')
@ApiBearerAuth('bearer')
@Controller('grants')
export class GrantsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Grants visible to you (R20): ministry all, governor its office, owner or university its own' })
  @ApiPage(GrantViewDto)
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: GrantQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListGrants(actor, filter, pageOf(filter), asOf));
  }

  @Get(':grantId')
  @ApiOperation({
    summary:
      'One grant with its years, payments, reports and claims; its version as ETag, for If-Match on every command on it (R20: 403 when not yours)',
  })
  @ApiOkResponse({ type: GrantViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('grantId') grantId: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetGrant(actor, grantId, asOf));
  }

  @Get(':grantId/history')
  @ApiOperation({ summary: "The grant's events, decision included, in order: type, time, actor, reason (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('grantId') grantId: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetGrantHistory(actor, grantId, pageOf(page), asOf));
  }
}
