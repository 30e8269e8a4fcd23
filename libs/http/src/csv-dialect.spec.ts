import { stringify } from 'csv-stringify/sync';
import { csvOptions, type CsvLayout } from './csv-dialect.js';

const STANDARD: CsvLayout = { delimiter: ',', recordDelimiter: '\n', bom: false };
const rows = [
  ['Bø i Telemark', 1250000, 12.5, true, null],
  ['Hå; Klepp', -3, 0.25, false, ''],
];

describe('CSV dialects', () => {
  it("standard is the endpoint's own layout: its separator and line ends, a decimal point, true/false", () => {
    expect(stringify(rows, csvOptions(undefined, STANDARD))).toBe('Bø i Telemark,1250000,12.5,true,\nHå; Klepp,-3,0.25,false,\n');
    expect(stringify(rows, csvOptions('standard', STANDARD))).toBe(stringify(rows, csvOptions(undefined, STANDARD)));
  });

  it('excel-no: a byte order mark, ";" between fields (quoted where a cell holds one), CRLF and a decimal comma', () => {
    expect(stringify(rows, csvOptions('excel-no', STANDARD))).toBe(
      '\uFEFFBø i Telemark;1250000;12,5;true;\r\n"Hå; Klepp";-3;0,25;false;\r\n',
    );
  });
});
