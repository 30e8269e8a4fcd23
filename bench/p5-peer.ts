import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';

const FETCH = 5000;

/**
 * P5's peer: the export's rows (`ex_rows`, the read model's table) written with csv-stringify straight from one
 * query through a cursor, in the export's key order, without the application. Returns rows and seconds.
 */
export async function csvStraightFromQuery(url: string, out: string): Promise<{ rows: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const file = createWriteStream(out);
  const started = performance.now();
  let rows = 0;
  try {
    await client.query('BEGIN');
    await client.query(
      'DECLARE export_rows NO SCROLL CURSOR FOR SELECT * FROM rm_evaluation_export.ex_rows ORDER BY measure_id, recipient_org, year',
    );
    for (;;) {
      const page = await client.query<Record<string, unknown>>(`FETCH ${FETCH} FROM export_rows`);
      if (page.rows.length === 0) break;
      const text = stringify(page.rows, { header: rows === 0, cast: { date: (d) => d.toISOString().slice(0, 10) } });
      rows += page.rows.length;
      if (!file.write(text)) await once(file, 'drain');
    }
    await client.query('COMMIT');
    file.end();
    await once(file, 'finish');
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
