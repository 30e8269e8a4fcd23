import type { Writable } from 'node:stream';
import type { Sql } from '#libs/db';
import { officeByCode } from '#libs/reference-data';
import type { ExportRow } from '../columns.js';
import { streamRows, type ExportFilter } from '../evaluation-export.queries.js';
import { end, write, type Progress } from './stream.js';

/** The ministry (Kunnskapsdepartementet) publishes the open data; governor offices are the funders. */
const PUBLISHER = { name: 'Kunnskapsdepartementet', identifier: 'NO-BRC-972417750' };
export const orgId = (orgNumber: string) => `NO-BRC-${orgNumber}`;

interface PendingGrant {
  grantId: string;
  rows: ExportRow[];
}

export function grantTo360(g: PendingGrant): Record<string, unknown> {
  const first = g.rows[0];
  const years = g.rows.map((r) => Number(r.year));
  const awarded = g.rows.reduce((s, r) => s + Number(r.granted ?? 0), 0);
  const paid = g.rows.reduce((s, r) => s + Number(r.paid ?? 0), 0);
  const office = officeByCode(String(first.office));
  const startYear = first.startYear === null ? Math.min(...years) : Number(first.startYear);
  const span = first.spanYears === null ? Math.max(...years) - Math.min(...years) + 1 : Number(first.spanYears);
  const measure = first.measureTitle ? String(first.measureTitle) : `Measure ${first.measureId}`;
  const description = [
    first.assessmentTitle ? `${measure}, in the needs assessment «${first.assessmentTitle}»` : measure,
    first.themes ? `themes: ${String(first.themes).split(';').join(', ')}` : null,
    `collective competence development in schools (${first.scheme}), ${years.length > 1 ? `years ${Math.min(...years)}–${Math.max(...years)}` : `year ${years[0]}`}`,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    id: `360G-dekomp-${g.grantId}`,
    title: measure.slice(0, 140),
    description,
    currency: 'NOK',
    amountAwarded: awarded,
    amountDisbursed: paid,
    awardDate: String(first.decidedOn),
    plannedDates: [{ startDate: `${startYear}-08-01`, endDate: `${startYear + span}-07-31`, duration: String(span * 12) }],
    recipientOrganization: [{ id: orgId(String(first.recipientOrg)), name: String(first.recipientName ?? first.recipientOrg) }],
    fundingOrganization: [{ id: office ? orgId(office.orgNumber) : PUBLISHER.identifier, name: office?.name ?? PUBLISHER.name }],
    grantProgramme: [{ code: String(first.scheme), title: `${first.scheme} (desentralisert ordning for kompetanseutvikling)` }],
    // Extra fields (360Giving allows additional properties):
    recipientKind: first.recipientKind,
    scheme: first.scheme,
    office: first.office,
    measureId: first.measureId,
  };
}

/**
 * The decided grants as a 360Giving package: one grant per active decision (measure × recipient) whose decision
 * year is the filter's year, amountAwarded over all its years. Streamed: a grant is written when its last row is read.
 */
export async function write360Giving(sql: Sql, filter: ExportFilter, out: Writable, progress?: Progress): Promise<number> {
  const header = {
    title: `Dekomp grants${filter.year ? ` decided in ${filter.year}` : ''}${filter.scheme ? `, ${filter.scheme}` : ''}${filter.office ? `, ${filter.office}` : ''}`,
    issued: new Date().toISOString(),
    publisher: PUBLISHER,
    license: 'https://data.norge.no/nlod/en/2.0',
  };
  await write(out, `${JSON.stringify(header).slice(0, -1)},"grants":[`);
  let pending: PendingGrant | null = null;
  let grants = 0;
  const flush = async () => {
    if (!pending) return;
    await write(out, `${grants === 0 ? '\n' : ',\n'}${JSON.stringify(grantTo360(pending))}`);
    grants += 1;
    pending = null;
  };
  const decisionYear = filter.year === undefined ? '' : ` AND r.decision_year = ${Math.trunc(filter.year)}`;
  await streamRows(
    sql,
    { scheme: filter.scheme, office: filter.office },
    async (rows) => {
      for (const r of rows) {
        const id = String(r.grantId);
        if (pending && pending.grantId !== id) await flush();
        if (!pending) pending = { grantId: id, rows: [] };
        pending.rows.push(r);
      }
      progress?.(grants);
    },
    `AND r.grant_id IS NOT NULL AND r.decision_status = 'active' AND r.granted > 0${decisionYear}`,
  );
  await flush();
  await write(out, '\n]}\n');
  await end(out);
  progress?.(grants);
  return grants;
}
