import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiPage, ApiRead, AsOf, HistoryEntryDto, pageOf, PageQueryDto } from '#libs/http';
import type { Actor } from '#libs/kernel';
import {
  AssessmentDetailDto,
  AssessmentListQueryDto,
  AssessmentSummaryDto,
  AssessmentVersionDto,
  InboxQueryDto,
} from './needs-assessments.dto.js';
import {
  GetGovernorInbox,
  GetNeedsAssessment,
  GetNeedsAssessmentHistory,
  GetNeedsAssessmentVersion,
  ListNeedsAssessments,
} from './needs-assessments.queries.js';

/**
 * Reads of needs assessments: members of the assessment, the governor of its office, the ministry; anyone else
 * gets 404, so another owner's assessment does not reveal that it exists (R20).
 */
@ApiTags('needs-assessments')
@ApiBearerAuth('bearer')
@Controller('needs-assessments')
export class NeedsAssessmentsRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('school_owner', 'governor', 'ministry')
  @ApiOperation({ summary: "Assessments you may see: an owner its own and its networks', a governor its office's (R20)" })
  @ApiPage(AssessmentSummaryDto)
  @ApiRead()
  list(@CurrentActor() actor: Actor, @Query() filter: AssessmentListQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new ListNeedsAssessments(actor, filter, pageOf(filter), asOf));
  }

  @Get('inbox')
  @Roles('governor', 'ministry')
  @ApiOperation({ summary: "Governor: the call's submitted assessments, with late flags (R14) and open warnings" })
  @ApiPage(AssessmentSummaryDto)
  @ApiRead()
  inbox(@CurrentActor() actor: Actor, @Query() q: InboxQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetGovernorInbox(actor, q.callId, pageOf(q), asOf));
  }

  @Get(':id')
  @Roles('school_owner', 'governor', 'ministry')
  @ApiOperation({
    summary:
      'One assessment: working copy, members and confirmations, measures with partnership answers, versions, warnings; its version as ETag',
  })
  @ApiOkResponse({ type: AssessmentDetailDto })
  @ApiRead()
  get(@CurrentActor() actor: Actor, @Param('id') id: string, @AsOf() asOf?: number) {
    return this.queries.execute(new GetNeedsAssessment(actor, id, asOf));
  }

  @Get(':id/versions/:versionNo')
  @Roles('school_owner', 'governor', 'ministry')
  @ApiOperation({ summary: 'A submitted version as it was submitted (every version stays readable)' })
  @ApiOkResponse({ type: AssessmentVersionDto })
  @ApiRead()
  version(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('versionNo', ParseIntPipe) versionNo: number,
    @AsOf() asOf?: number,
  ) {
    return this.queries.execute(new GetNeedsAssessmentVersion(actor, id, versionNo, asOf));
  }

  @Get(':id/history')
  @Roles('school_owner', 'governor', 'ministry')
  @ApiOperation({ summary: "The assessment's events in order: type, time, actor, reason (R21)" })
  @ApiPage(HistoryEntryDto)
  @ApiRead()
  history(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() page: PageQueryDto, @AsOf() asOf?: number) {
    return this.queries.execute(new GetNeedsAssessmentHistory(actor, id, pageOf(page), asOf));
  }
}
