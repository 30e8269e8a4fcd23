import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOfPipe, CommandContext, CommandResultDto, HistoryEntryDto } from '#libs/http';
import type { CommandMeta } from '#libs/platform';
import { AmendOrganisation, GetOrganisation, GetOrganisationHistory, ListOrganisations, RegisterOrganisation } from '../application/handlers.js';
import { AmendOrganisationDto, OrganisationQueryDto, OrganisationViewDto, RegisterOrganisationDto } from './dto.js';

@ApiTags('organisations')
@ApiBearerAuth('bearer')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Post()
  @Roles('ministry', 'governor')
  @ApiOperation({ summary: 'Register a school owner, university or other party (R19: placed in one county and office)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  register(@CommandContext() meta: CommandMeta, @Body() body: RegisterOrganisationDto) {
    return this.commands.execute(new RegisterOrganisation(meta, body));
  }

  @Post(':orgNumber/amendments')
  @HttpCode(200)
  @Roles('ministry', 'governor')
  @ApiOperation({ summary: 'Correct an organisation, with a reason (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  amend(@CommandContext() meta: CommandMeta, @Param('orgNumber') orgNumber: string, @Body() body: AmendOrganisationDto) {
    return this.commands.execute(new AmendOrganisation(meta, orgNumber, body));
  }

  @Get()
  @ApiOperation({ summary: 'The organisation directory (public facts: every authenticated user)' })
  @ApiOkResponse({ type: [OrganisationViewDto] })
  @ApiRead()
  list(@Query() filter: OrganisationQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListOrganisations(filter, asOf));
  }

  @Get(':orgNumber')
  @ApiOkResponse({ type: OrganisationViewDto })
  @ApiRead()
  get(@Param('orgNumber') orgNumber: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetOrganisation(orgNumber, asOf));
  }

  @Get(':orgNumber/history')
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRead()
  history(@Param('orgNumber') orgNumber: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetOrganisationHistory(orgNumber, asOf));
  }
}
