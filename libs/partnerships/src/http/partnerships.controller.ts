import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOfPipe, CommandContext, CommandResultDto, HistoryEntryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import type { CommandMeta } from '#libs/platform';
import { ExecutePartnershipCommand } from '../application/commands.js';
import { GetCommittedCapacity, GetPartnership, GetPartnershipHistory, ListPartnerships } from '../application/queries.js';
import { AddSubcontractorDto, CapacityViewDto, CommitPartnershipDto, DeclinePartnershipDto, PartnershipListQueryDto, PartnershipViewDto, UniversityQueryDto } from './dto.js';

/**
 * University partnerships (R3): a university reads the measures that name it and answers. Anything that does not
 * name the calling university is 404, so it learns nothing of other measures (R20).
 */
@ApiTags('partnerships')
@ApiBearerAuth('bearer')
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('university', 'governor', 'ministry')
  @ApiOperation({ summary: "A university's requests, commitments and declines (a governor: its office's)" })
  @ApiOkResponse({ type: [PartnershipViewDto] })
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: PartnershipListQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListPartnerships(actor, filter, asOf));
  }

  @Get('capacity')
  @Roles('university', 'governor', 'ministry')
  @ApiOperation({ summary: "Committed capacity per school year (hours) of a university" })
  @ApiOkResponse({ type: CapacityViewDto })
  @ApiRead()
  capacity(@CurrentActor() actor: Actor, @Query() q: UniversityQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetCommittedCapacity(actor, q.university, asOf));
  }

  @Get(':measureId')
  @Roles('university', 'governor', 'ministry')
  @ApiOperation({ summary: 'One measure that names the university, with its answer' })
  @ApiOkResponse({ type: PartnershipViewDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('measureId') measureId: string, @Query() q: UniversityQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetPartnership(actor, measureId, q.university, asOf));
  }

  @Get(':measureId/history')
  @Roles('university', 'governor', 'ministry')
  @ApiOperation({ summary: "The partnership's events: type, time, actor, reason (R21)" })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('measureId') measureId: string, @Query() q: UniversityQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetPartnershipHistory(actor, measureId, q.university, asOf));
  }

  @Post(':measureId/commitment')
  @HttpCode(200)
  @Roles('university')
  @ApiOperation({ summary: 'Commit to a measure that names you: competence areas, capacity, period, contact role (R3)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  commit(@CommandContext() meta: CommandMeta, @Param('measureId') measureId: string, @Body() body: CommitPartnershipDto) {
    return this.commands.execute(new ExecutePartnershipCommand(meta, measureId, { type: 'CommitPartnership', ...body }));
  }

  @Post(':measureId/decline')
  @HttpCode(200)
  @Roles('university')
  @ApiOperation({ summary: 'Decline for lack of competence or capacity; the owner then names another university (R3)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  decline(@CommandContext() meta: CommandMeta, @Param('measureId') measureId: string, @Body() body: DeclinePartnershipDto) {
    return this.commands.execute(new ExecutePartnershipCommand(meta, measureId, { type: 'DeclinePartnership', ...body }));
  }

  @Post(':measureId/subcontractors')
  @HttpCode(200)
  @Roles('university')
  @ApiOperation({ summary: "Add a third party under your own line, with its share (R2: warned above the configured share)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  subcontract(@CommandContext() meta: CommandMeta, @Param('measureId') measureId: string, @Body() body: AddSubcontractorDto) {
    return this.commands.execute(new ExecutePartnershipCommand(meta, measureId, { type: 'AddSubcontractor', ...body }));
  }
}
