import { stringify } from 'csv-stringify/sync';
import { csvOptions, type CsvDialect, type CsvLayout } from '#libs/http';
import type { PaymentRunData } from './payment-run.aggregate.js';

/** The accounting system's own layout (dialect `standard`): `;`-separated, CRLF, no byte order mark unless asked. */
export const PAYMENT_FILE_LAYOUT: CsvLayout = { delimiter: ';', recordDelimiter: '\r\n', bom: false };

export interface PaymentFileOptions {
  dialect?: CsvDialect;
  /** A UTF-8 byte order mark on the standard layout (the older `?bom=true`); excel-no always has one. */
  bom?: boolean;
}

/**
 * The accounting file of a payment run: a heading and one row per payment, quoted where needed. For Excel
 * (`excel-no`) a cell that would start a formula is escaped; the accounting system's layout is left as it reads it.
 */
export function paymentFile(run: PaymentRunData, { dialect, bom = false }: PaymentFileOptions = {}): string {
  const rows = [
    ['orgNumber', 'name', 'amount', 'grantId', 'reference'],
    ...run.paid.map((p) => [p.recipientOrg, p.recipientName, p.amount, p.grantId, p.reference]),
  ];
  return stringify(rows, { ...csvOptions(dialect, { ...PAYMENT_FILE_LAYOUT, bom }), escape_formulas: dialect === 'excel-no' });
}
