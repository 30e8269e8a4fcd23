import { COLUMNS, OFFICE_COLUMNS } from './columns.js';
import { evaluationExportProjection } from './evaluation-export.projection.js';

describe('the data dictionary of the evaluation export', () => {
  it.each([
    ['rows', COLUMNS],
    ['offices', OFFICE_COLUMNS],
  ])('%s: machine names and Norwegian labels are unique, and every column has a meaning and a source event', (_, columns) => {
    expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
    expect(new Set(columns.map((c) => c.label)).size).toBe(columns.length);
    for (const c of columns) {
      expect([c.key, c.meaning]).toEqual([c.key, expect.stringMatching(/^\p{Lu}.{10,}\.$/u)]);
      expect([c.key, c.events.length > 0]).toEqual([c.key, true]);
      // A `;` in a label would need quoting in the excel-no CSV; none has one.
      expect(c.label).not.toMatch(/[;"\n]/);
    }
  });

  it('names only events the export reads', () => {
    const handled = new Set(evaluationExportProjection.handles);
    const unknown = [...COLUMNS, ...OFFICE_COLUMNS].flatMap((c) => c.events.filter((e) => !handled.has(e)).map((e) => `${c.key}: ${e}`));
    expect(unknown).toEqual([]);
  });
});
