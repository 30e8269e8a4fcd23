import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AccessPolicy, type Actor } from '#libs/kernel';
import { OPERATION_OBSERVER, ReadModels, type OperationObserver } from '#libs/platform';
import { EVALUATION_EXPORT } from './evaluation-export.projection.js';
import { countRows, officeYears, type ExportFilter, type OfficeYear } from './evaluation-export.queries.js';
import { writeEvaluationExport, type ExportFormat, type ExportLayout, type Progress } from './formats/writers.js';

/**
 * R20: the ministry exports everything; a governor exports its own office only (another office is a 403, and no
 * office means its own). School owners and universities never reach the export (403).
 */
export function scopeOf(actor: Actor, filter: ExportFilter): ExportFilter {
  AccessPolicy.assertRole(actor, ['ministry', 'governor'], 'export the evaluation (a governor for its own office)');
  if (actor.role === 'ministry') return filter;
  const office = AccessPolicy.governorOffice(actor, 'exports its own office');
  if (filter.office !== undefined)
    AccessPolicy.assertGovernorOf(actor, filter.office, 'exports its own office', `The evaluation export of office ${filter.office}`);
  return { ...filter, office };
}

/** The evaluation export now, or as it stood at a past global position (R21), streamed into `out`. */
@Injectable()
export class EvaluationExportService {
  constructor(
    private readonly readModels: ReadModels,
    @Optional() @Inject(OPERATION_OBSERVER) private readonly observer?: OperationObserver,
  ) {}

  /** Runs on the live read model, or on its rows as they stood at `asOf` (their history). */
  write(
    filter: ExportFilter,
    format: ExportFormat,
    out: Writable,
    asOf?: number,
    progress?: Progress,
    layout?: ExportLayout,
  ): Promise<number> {
    return this.readModels
      .run([EVALUATION_EXPORT], asOf, (sql) => writeEvaluationExport(sql, filter, format, out, progress, layout))
      .then((rows) => {
        this.observer?.exportWritten(format, rows);
        return rows;
      });
  }

  offices(filter: ExportFilter, asOf?: number): Promise<OfficeYear[]> {
    return this.readModels.run([EVALUATION_EXPORT], asOf, (sql) => officeYears(sql, filter));
  }

  count(filter: ExportFilter, asOf?: number): Promise<number> {
    return this.readModels.run([EVALUATION_EXPORT], asOf, (sql) => countRows(sql, filter));
  }
}
