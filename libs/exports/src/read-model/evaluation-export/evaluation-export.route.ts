import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '#libs/auth';
import { ApiRead, AsOf } from '#libs/http';
import type { Actor } from '#libs/kernel';
import { EvaluationExportService, scopeOf } from './evaluation-export.service.js';
import type { ExportFilter } from './evaluation-export.queries.js';
import { CONTENT_TYPES, FILE_EXTENSIONS, type ExportFormat, type ExportLayout } from './formats/writers.js';
import { EvaluationExportQueryDto, ExportFilterDto } from './evaluation-export.view.js';

function filterOf(q: ExportFilterDto): ExportFilter {
  return { year: q.year, scheme: q.scheme, office: q.office };
}

@ApiTags('exports')
@ApiBearerAuth('bearer')
@Controller('exports')
@Roles('ministry', 'governor')
export class EvaluationExportRoute {
  constructor(private readonly exports: EvaluationExportService) {}

  @Get('evaluation')
  @ApiOperation({
    summary:
      "The ministry's evaluation export: one row per measure × recipient × year, streamed as CSV (dialect=excel-no for Excel set up for Norway), JSON, NDJSON or XLSX (kroner and date formats, frozen headings, autofilter, the data dictionary «Dataordbok» and a per-office sheet), or the grants as 360Giving JSON; labels=nb gives Norwegian headings (R20: a governor exports its own office; R21: asOf)",
  })
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOkResponse({ description: 'The export, streamed' })
  @ApiRead()
  async evaluation(
    @CurrentActor() actor: Actor,
    @Query() q: EvaluationExportQueryDto,
    @AsOf() asOf: number | undefined,
    @Res() res: Response,
  ) {
    const filter = scopeOf(actor, filterOf(q));
    await this.stream(res, filter, q.format ?? 'csv', asOf, { dialect: q.dialect, labels: q.labels });
  }

  @Get('360giving')
  @ApiOperation({ summary: 'The decided grants as a 360Giving data package (open data; the year is the decision year)' })
  @ApiProduces(CONTENT_TYPES['360giving'])
  @ApiOkResponse({ description: 'A 360Giving package: {"grants": [...]}' })
  @ApiRead()
  async threeSixtyGiving(
    @CurrentActor() actor: Actor,
    @Query() q: ExportFilterDto,
    @AsOf() asOf: number | undefined,
    @Res() res: Response,
  ) {
    await this.stream(res, scopeOf(actor, filterOf(q)), '360giving', asOf);
  }

  @Get('evaluation/offices')
  @ApiOperation({
    summary:
      'Per office, scheme and year: frame, commitments from earlier years, decided, free, paid, repaid, forum members by category (R9, R11, R18)',
  })
  @ApiOkResponse({ description: 'One object per office, scheme and year' })
  @ApiRead()
  offices(@CurrentActor() actor: Actor, @Query() q: ExportFilterDto, @AsOf() asOf?: number) {
    return this.exports.offices(scopeOf(actor, filterOf(q)), asOf);
  }

  private async stream(
    res: Response,
    filter: ExportFilter,
    format: ExportFormat,
    asOf: number | undefined,
    layout?: ExportLayout,
  ): Promise<void> {
    const name = `dekomp-evaluation${filter.year ? `-${filter.year}` : ''}${filter.scheme ? `-${filter.scheme}` : ''}${filter.office ? `-${filter.office}` : ''}`;
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${name}.${FILE_EXTENSIONS[format]}"`);
    if (asOf !== undefined) res.setHeader('Dekomp-As-Of', String(asOf));
    try {
      await this.exports.write(filter, format, res, asOf, undefined, layout);
    } catch (error) {
      // Once bytes are out, a problem document can no longer be sent: cut the stream so the client sees it broke.
      if (res.headersSent) res.destroy(error instanceof Error ? error : new Error(String(error)));
      else throw error;
    }
  }
}
