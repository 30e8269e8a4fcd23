import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, MEASURE_CATALOG, type Actor, type MeasureCatalog } from '#libs/kernel';
import type { MeasureFacts } from './partnership.aggregate.js';

/** R20: a university answers for itself only; returns its org number. */
export function answeringUniversity(actor: Actor): string {
  AccessPolicy.assertRole(actor, ['university'], 'answer for a partnership (only the named university)');
  return actor.org;
}

/** The facts the partnership decider needs of a measure, from the needs-assessment capability's MEASURE_CATALOG. */
@Injectable()
export class MeasureFactsLookup {
  constructor(@Inject(MEASURE_CATALOG) private readonly catalog: MeasureCatalog) {}

  async measure(measureId: string, university: string): Promise<MeasureFacts> {
    const m = await this.catalog.get(measureId);
    if (!m)
      return {
        assessmentId: '',
        measureId,
        office: '',
        scheme: 'DEKOMP',
        year: 0,
        startYear: 0,
        spanYears: 0,
        namesUniversity: false,
        withdrawn: false,
      };
    // The catalog lists the universities that declined and were replaced first, the current partner last.
    const current = m.universities.at(-1);
    const replaced = m.universities.slice(0, -1).some((u) => u.org === current?.org);
    return {
      assessmentId: m.assessmentId,
      measureId,
      office: m.office,
      scheme: m.scheme,
      year: m.year,
      startYear: m.startYear,
      spanYears: m.spanYears,
      namesUniversity: !!current && !replaced && current.org === university,
      withdrawn: m.status === 'withdrawn',
    };
  }
}
