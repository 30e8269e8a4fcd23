import type { YrkesfagEvent } from './county-frame.events.js';
import type { ForumCategory } from './reference.js';

export interface RepaymentClaim {
  claimId: string;
  year: number;
  amount: number;
  settled: number;
}

/** One grant year of the county's frame. */
export interface FrameYear {
  year: number;
  amount: number;
  reportDeadline: string;
  paid: number;
  spent: number;
  planRevision: number;
  report: { submittedOn: string; late: boolean } | null;
}

export interface CountyMember {
  memberId: string;
  orgNumber: string | null;
  category: ForumCategory;
  joinedOn: string;
  leftOn: string | null;
}

/** A measure's money: what it is planned at (charged to its year's frame, R18) and what was spent. */
export interface MeasureMoney {
  measureId: string;
  year: number;
  amount: number;
  priority: number | null;
  spent: number;
}

export interface YrkesfagState {
  county: string | null;
  name: string | null;
  years: FrameYear[];
  claims: RepaymentClaim[];
  payments: number;
  members: CountyMember[];
  meetings: number;
  needs: Array<{ needId: string; year: number }>;
  measures: MeasureMoney[];
  spendings: number;
}

/** The stream of a county that has a frame (what every command but the first SetFrame acts on). */
export type ExistingCounty = YrkesfagState & { county: string; name: string };

export const initialYrkesfagState: YrkesfagState = {
  county: null,
  name: null,
  years: [],
  claims: [],
  payments: 0,
  members: [],
  meetings: 0,
  needs: [],
  measures: [],
  spendings: 0,
};

const updateYear = (s: YrkesfagState, year: number, change: (y: FrameYear) => Partial<FrameYear>): YrkesfagState => ({
  ...s,
  years: s.years.map((y) => (y.year === year ? { ...y, ...change(y) } : y)),
});

/** Udir's side: frame, payments, deadlines and repayments. */
function evolveMoney(s: YrkesfagState, e: YrkesfagEvent): YrkesfagState {
  switch (e.type) {
    case 'YrkesfagFrameSet': {
      const year: FrameYear = {
        year: e.data.year,
        amount: e.data.amount,
        reportDeadline: e.data.reportDeadline,
        paid: 0,
        spent: 0,
        planRevision: 0,
        report: null,
      };
      return { ...s, county: e.data.county, name: e.data.countyName, years: [...s.years, year].sort((a, b) => a.year - b.year) };
    }
    case 'YrkesfagFrameAdjusted':
      return updateYear(s, e.data.year, () => ({ amount: e.data.amount }));
    case 'YrkesfagPaymentMade':
      return { ...updateYear(s, e.data.year, (y) => ({ paid: y.paid + e.data.amount })), payments: s.payments + 1 };
    case 'YrkesfagReportDeadlineExtended':
      return updateYear(s, e.data.year, () => ({ reportDeadline: e.data.deadline }));
    case 'YrkesfagRepaymentClaimed':
      return { ...s, claims: [...s.claims, { claimId: e.data.claimId, year: e.data.year, amount: e.data.amount, settled: 0 }] };
    case 'YrkesfagRepaymentSettled':
      return { ...s, claims: s.claims.map((c) => (c.claimId === e.data.claimId ? { ...c, settled: c.settled + e.data.amount } : c)) };
    default:
      return evolvePlan(s, e);
  }
}

/** The county's side: forum, needs, measures, plan, spending and report. */
function evolvePlan(s: YrkesfagState, e: YrkesfagEvent): YrkesfagState {
  switch (e.type) {
    case 'YrkesfagForumMemberJoined': {
      const { memberId, orgNumber, category, joinedOn } = e.data;
      return { ...s, members: [...s.members, { memberId, orgNumber, category, joinedOn, leftOn: null }] };
    }
    case 'YrkesfagForumMemberLeft':
      return { ...s, members: s.members.map((m) => (m.memberId === e.data.memberId ? { ...m, leftOn: e.data.leftOn } : m)) };
    case 'YrkesfagForumMeetingRecorded':
      return { ...s, meetings: s.meetings + 1 };
    case 'YrkesfagNeedRecorded':
      return { ...s, needs: [...s.needs, { needId: e.data.needId, year: e.data.year }] };
    case 'YrkesfagMeasureRecorded':
      return {
        ...s,
        measures: [...s.measures, { measureId: e.data.measureId, year: e.data.year, amount: e.data.amount, priority: null, spent: 0 }],
      };
    case 'YrkesfagPlanAdopted': {
      const lines = new Map(e.data.lines.map((l) => [l.measureId, l]));
      const measures = s.measures.map((m) => {
        const line = lines.get(m.measureId);
        return line ? { ...m, amount: line.amount, priority: line.priority } : m;
      });
      return { ...updateYear(s, e.data.year, () => ({ planRevision: e.data.revision })), measures };
    }
    case 'YrkesfagSpendingRecorded': {
      const measures = s.measures.map((m) => (m.measureId === e.data.measureId ? { ...m, spent: m.spent + e.data.amount } : m));
      return { ...updateYear(s, e.data.year, (y) => ({ spent: y.spent + e.data.amount })), measures, spendings: s.spendings + 1 };
    }
    case 'YrkesfagReportSubmitted':
      return updateYear(s, e.data.year, () => ({ report: { submittedOn: e.data.submittedOn, late: e.data.late } }));
    default:
      return s;
  }
}

export const evolveYrkesfag = (state: YrkesfagState, event: YrkesfagEvent): YrkesfagState => evolveMoney(state, event);
