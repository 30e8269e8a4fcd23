import { upcast } from '#libs/platform';
import type { NameSource } from '#libs/projections';
import { NeedsAssessment } from '../../needs-assessment/needs-assessment.aggregate.js';

/**
 * Measures' titles as the needs-assessment events tell them (added, then revised), for read models that show a
 * title beside a measure id and keep their own table of them (`namesTable('<prefix>_measure_titles', MEASURE_TITLES)`).
 */
export const MEASURE_TITLES: NameSource = {
  handles: ['MeasureAdded', 'MeasureRevised'],
  read(stored) {
    const e = upcast(NeedsAssessment, stored);
    if (e.type === 'MeasureAdded') return [{ key: e.data.measure.measureId, name: e.data.measure.title }];
    if (e.type === 'MeasureRevised') return [{ key: e.data.measureId, name: e.data.measure.title }];
    return [];
  },
};
