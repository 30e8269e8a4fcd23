import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CsvDialect } from '#libs/http';
import type { LabelSet } from '../columns.js';

/** Called after each page with the rows written so far. */
export type Progress = (rowsWritten: number) => void;

/** How CSV and XLSX lay the rows out: the CSV dialect, and machine names or Norwegian labels as headings. */
export interface ExportLayout {
  dialect?: CsvDialect;
  labels?: LabelSet;
}

/** Waits until `out` can take more (backpressure), or fails when it was closed (the client went away). */
export async function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) return;
  if (out.destroyed) throw new Error('the export stream was closed');
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the export stream was closed'));
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

export async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('the export stream was closed');
  out.write(chunk);
  await drained(out);
}

export async function end(out: Writable): Promise<void> {
  if (out.writableFinished) return;
  const done = once(out, 'finish');
  out.end();
  await done;
}
