import type { YrkesfagEvent, YrkesfagMeasureRecorded } from '../county-frame/county-frame.events.js';
import { noParticipants, TARGET_GROUPS, type Participants } from '../county-frame/reference.js';
import { splitByWeights } from './largest-remainder.js';

/** One row of the evaluation export for YRKESFAG: the county municipality is the grant holder, per measure × year. */
export interface YrkesfagExportRow {
  scheme: 'YRKESFAG';
  year: number;
  ruleSetVersion: string;
  grantHolderOrg: string;
  grantHolderName: string;
  grantHolderKind: 'county_municipality';
  measureId: string;
  title: string;
  providerKind: string;
  providerOrg: string | null;
  providerName: string;
  targetGroups: string[];
  programmeAreas: string[];
  planned: number;
  /** The year's payments split over the measures pro rata to planned (largest remainder: the shares add up to what was paid). */
  paid: number;
  spent: number;
  /** paid − spent for the measure (may be negative where a measure spent more than its share). */
  unspent: number;
  /** The year's repayments split pro rata to the measures' positive unspent. */
  repaid: number;
  participants: Participants;
  reportDeadline: string;
  reportSubmittedOn: string | null;
  reportLate: boolean | null;
  evaluation: string | null;
}

interface YearFacts {
  ruleSetVersion: string;
  paid: number;
  repaid: number;
  reportDeadline: string;
  report: { submittedOn: string; late: boolean; evaluation: string } | null;
}

interface MeasureFacts {
  recorded: YrkesfagMeasureRecorded['data'];
  planned: number;
  spent: number;
  participants: Participants;
}

function collect(events: readonly YrkesfagEvent[]) {
  let holder = { org: '', name: '' };
  const years = new Map<number, YearFacts>();
  const measures = new Map<string, MeasureFacts>();
  const year = (y: number) => years.get(y)!;
  for (const e of events) {
    switch (e.type) {
      case 'YrkesfagFrameSet':
        holder = { org: e.data.county, name: e.data.countyName };
        years.set(e.data.year, {
          ruleSetVersion: e.data.ruleSetVersion,
          paid: 0,
          repaid: 0,
          reportDeadline: e.data.reportDeadline,
          report: null,
        });
        break;
      case 'YrkesfagPaymentMade':
        year(e.data.year).paid += e.data.amount;
        break;
      case 'YrkesfagRepaymentSettled':
        year(e.data.year).repaid += e.data.amount;
        break;
      case 'YrkesfagReportDeadlineExtended':
        year(e.data.year).reportDeadline = e.data.deadline;
        break;
      case 'YrkesfagReportSubmitted':
        year(e.data.year).report = { submittedOn: e.data.submittedOn, late: e.data.late, evaluation: e.data.evaluation };
        break;
      case 'YrkesfagMeasureRecorded':
        measures.set(e.data.measureId, { recorded: e.data, planned: e.data.amount, spent: 0, participants: noParticipants() });
        break;
      case 'YrkesfagPlanAdopted':
        for (const l of e.data.lines) measures.get(l.measureId)!.planned = l.amount;
        break;
      case 'YrkesfagSpendingRecorded': {
        const m = measures.get(e.data.measureId)!;
        m.spent += e.data.amount;
        for (const g of TARGET_GROUPS) m.participants[g] += e.data.participants[g];
        break;
      }
      default:
        break;
    }
  }
  return { holder, years, measures: [...measures.values()] };
}

/** A county's YRKESFAG events (its stream, in order) as evaluation-export rows: one per measure × year. */
export function yrkesfagExportRows(events: readonly YrkesfagEvent[]): YrkesfagExportRow[] {
  const { holder, years, measures } = collect(events);
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([y, facts]) => {
      const ofYear = measures.filter((m) => m.recorded.year === y);
      const paid = splitByWeights(
        facts.paid,
        ofYear.map((m) => m.planned),
      );
      const unspent = ofYear.map((m, i) => paid[i] - m.spent);
      const positive = unspent.map((u) => Math.max(0, u));
      const repaid = splitByWeights(facts.repaid, positive.some((u) => u > 0) ? positive : ofYear.map((m) => m.planned));
      return ofYear.map((m, i): YrkesfagExportRow => ({
        scheme: 'YRKESFAG',
        year: y,
        ruleSetVersion: facts.ruleSetVersion,
        grantHolderOrg: holder.org,
        grantHolderName: holder.name,
        grantHolderKind: 'county_municipality',
        measureId: m.recorded.measureId,
        title: m.recorded.title,
        providerKind: m.recorded.provider.kind,
        providerOrg: m.recorded.provider.orgNumber,
        providerName: m.recorded.provider.name,
        targetGroups: m.recorded.targetGroups,
        programmeAreas: m.recorded.programmeAreas,
        planned: m.planned,
        paid: paid[i],
        spent: m.spent,
        unspent: unspent[i],
        repaid: repaid[i],
        participants: m.participants,
        reportDeadline: facts.reportDeadline,
        reportSubmittedOn: facts.report?.submittedOn ?? null,
        reportLate: facts.report?.late ?? null,
        evaluation: facts.report?.evaluation ?? null,
      }));
    });
}
