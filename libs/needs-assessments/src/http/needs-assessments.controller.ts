import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiCommand, ApiRead, AsOfPipe, CommandContext, CommandResultDto, HistoryEntryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import type { CommandMeta } from '#libs/platform';
import { ExecuteNeedsAssessmentCommand, type NeedsAssessmentInput } from '../application/commands.js';
import { GetGovernorInbox, GetNeedsAssessment, GetNeedsAssessmentHistory, GetNeedsAssessmentVersion, ListNeedsAssessments } from '../application/queries.js';
import {
  AddMeasureDto,
  AssessmentContentDto,
  AssessmentDetailDto,
  AssessmentListQueryDto,
  AssessmentSummaryDto,
  AssessmentVersionDto,
  CreateNeedsAssessmentDto,
  InboxQueryDto,
  InviteOwnerDto,
  MeasureCommandResultDto,
  MeasureFieldsDto,
  MeasureLinesDto,
  ReasonDto,
  ReplaceUniversityDto,
} from './dto.js';

/**
 * Needs assessments (behovsmelding). Writes: school owners, each on its own assessment or network (R10, R20).
 * Reads: members of the assessment, the governor of its office, the ministry; anyone else gets 404, so another
 * owner's assessment does not reveal that it exists.
 */
@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class NeedsAssessmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private exec(meta: CommandMeta, id: string | null, input: NeedsAssessmentInput) {
    return this.commands.execute(new ExecuteNeedsAssessmentCommand(meta, id, input));
  }

  @Post()
  @Roles('school_owner')
  @ApiOperation({ summary: 'Draft a needs assessment for a call of your office, as its lead owner (R1, R19)' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiCommand()
  create(@CommandContext() meta: CommandMeta, @Body() body: CreateNeedsAssessmentDto) {
    return this.exec(meta, null, { type: 'CreateDraft', ...body });
  }

  @Put(':id/content')
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: title, summary, local anchoring (R4) and themes' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  content(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: AssessmentContentDto) {
    return this.exec(meta, id, { type: 'UpdateContent', content: body });
  }

  @Post(':id/network-owners')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: invite another school owner of the office into the network (R10)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  invite(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: InviteOwnerDto) {
    return this.exec(meta, id, { type: 'InviteNetworkOwner', orgNumber: body.orgNumber });
  }

  @Post(':id/confirmations')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: "Network owner: confirm your own part of the current revision (R10)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  confirm(@CommandContext() meta: CommandMeta, @Param('id') id: string) {
    return this.exec(meta, id, { type: 'ConfirmOwnerPart' });
  }

  @Post(':id/measures')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: add a measure with its university partner (R3, R9); answers its measureId' })
  @ApiOkResponse({ type: MeasureCommandResultDto })
  @ApiCommand()
  addMeasure(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: AddMeasureDto) {
    const { universityOrg, ...measure } = body;
    return this.exec(meta, id, { type: 'AddMeasure', measure, universityOrg });
  }

  @Put(':id/measures/:measureId')
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: revise a measure (R9)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  reviseMeasure(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Param('measureId') measureId: string, @Body() body: MeasureFieldsDto) {
    return this.exec(meta, id, { type: 'ReviseMeasure', measureId, measure: body });
  }

  @Put(':id/measures/:measureId/lines/:org')
  @Roles('school_owner')
  @ApiOperation({ summary: "Set an organisation's budget and co-financing lines: your own, or (lead) the university's (R5, R6, R7, R10)" })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  lines(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Param('measureId') measureId: string, @Param('org') org: string, @Body() body: MeasureLinesDto) {
    return this.exec(meta, id, { type: 'SetMeasureLines', measureId, org, lines: body });
  }

  @Post(':id/measures/:measureId/university-replacement')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: name another university after the partner declined (R3)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  replaceUniversity(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Param('measureId') measureId: string, @Body() body: ReplaceUniversityDto) {
    return this.exec(meta, id, { type: 'ReplaceUniversityPartner', measureId, universityOrg: body.universityOrg, reason: body.reason });
  }

  @Post(':id/submission')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: submit; every broken rule comes back as 422; after the deadline it is marked late (R14)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  submit(@CommandContext() meta: CommandMeta, @Param('id') id: string) {
    return this.exec(meta, id, { type: 'Submit' });
  }

  @Post(':id/amendments')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: submit the working copy as a new version, before the deadline (R14, R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  amend(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.exec(meta, id, { type: 'Amend', reason: body.reason });
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('school_owner')
  @ApiOperation({ summary: 'Lead owner: withdraw a submitted assessment, with a reason (R21)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommand()
  withdraw(@CommandContext() meta: CommandMeta, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.exec(meta, id, { type: 'Withdraw', reason: body.reason });
  }

  @Get()
  @Roles('school_owner', 'governor', 'ministry')
  @ApiOperation({ summary: 'Assessments you may see: an owner its own and its networks\', a governor its office\'s (R20)' })
  @ApiOkResponse({ type: [AssessmentSummaryDto] })
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: AssessmentListQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new ListNeedsAssessments(actor, filter, asOf));
  }

  @Get('inbox')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "Governor: the call's submitted assessments, with late flags (R14) and open warnings" })
  @ApiOkResponse({ type: [AssessmentSummaryDto] })
  @ApiRead()
  inbox(@CurrentActor() actor: Actor, @Query() q: InboxQueryDto, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetGovernorInbox(actor, q.callId, asOf));
  }

  @Get(':id')
  @Roles('school_owner', 'governor', 'ministry')
  @ApiOperation({ summary: 'One assessment: working copy, members and confirmations, measures with partnership answers, versions, warnings' })
  @ApiOkResponse({ type: AssessmentDetailDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetNeedsAssessment(actor, id, asOf));
  }

  @Get(':id/versions/:versionNo')
  @Roles('school_owner', 'governor', 'ministry')
  @ApiOperation({ summary: 'A submitted version as it was submitted (every version stays readable)' })
  @ApiOkResponse({ type: AssessmentVersionDto })
  @ApiRead()
  version(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('versionNo', ParseIntPipe) versionNo: number, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetNeedsAssessmentVersion(actor, id, versionNo, asOf));
  }

  @Get(':id/history')
  @Roles('school_owner', 'governor', 'ministry')
  @ApiOperation({ summary: "The assessment's events in order: type, time, actor, reason (R21)" })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('asOf', AsOfPipe) asOf?: number) {
    return this.queries.execute(new GetNeedsAssessmentHistory(actor, id, asOf));
  }
}
