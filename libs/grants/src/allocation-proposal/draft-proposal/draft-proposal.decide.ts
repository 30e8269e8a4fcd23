import { DomainError, type MeasureInfo, type OrgKind, type RuleViolation, type Scheme } from '#libs/kernel';
import { grantIdOf } from '../../common/grant-id.js';
import type { AllocationKey, ProposalEvent, ProposalLine, ProposalState, YearEffect } from '../allocation-proposal.aggregate.js';
import { splitByKey } from '../../allocation-key/split-by-key.js';
import { chargedTo, requiredCoFinancing } from '../../frame-ledger/frame-ledger.rules.js';
import type { LedgerState } from '../../frame-ledger/frame-ledger.aggregate.js';

export interface DraftProposal {
  type: 'DraftProposal';
  proposalId: string;
  office: string;
  scheme: Scheme;
  year: number;
  callId: string;
  key: AllocationKey;
  /** Default: the decision year's free amount after earlier commitments and decisions (R9, R18). */
  amount?: number;
  /** `weights`: per measure id, or per theme (a measure takes its largest theme weight). */
  weights?: Record<string, number>;
  themeWeights?: Record<string, number>;
  /** `participants`: planned participants per measure id. */
  participants?: Record<string, number>;
  source: 'recommendation' | 'submitted';
  recommendationId: string | null;
  /** The candidate measures (recommended, or every submitted one of the call). */
  measures: MeasureInfo[];
  /** Where a measure has no requested lines: the recommended amounts per measure, recipient and year. */
  recommended: Array<{ measureId: string; recipientOrg: string; year: number; amount: number }>;
  kinds: Record<string, OrgKind | null>;
  ledger: LedgerState;
  today: string;
}

const undecided = (c: DraftProposal, measureId: string, org: string) => !c.ledger.grants[grantIdOf(c.office, c.scheme, measureId, org)];

interface Candidate {
  measure: MeasureInfo;
  requests: Array<{ org: string; year: number; amount: number }>;
  decisionYearRequest: number;
}

/** The lines a measure asks for: its requests (or, lacking them, what the forum recommended). */
function candidatesOf(c: DraftProposal, excluded: Array<{ measureId: string; reason: string }>): Candidate[] {
  const out: Candidate[] = [];
  for (const m of c.measures) {
    const requests =
      m.requested.length > 0
        ? m.requested
        : c.recommended.filter((r) => r.measureId === m.measureId).map((r) => ({ org: r.recipientOrg, year: r.year, amount: r.amount }));
    const decided = requests.filter((r) => !undecided(c, m.measureId, r.org));
    if (decided.length > 0)
      excluded.push({ measureId: m.measureId, reason: `decided already for ${[...new Set(decided.map((r) => r.org))].join(', ')}` });
    const free = requests.filter((r) => undecided(c, m.measureId, r.org));
    const decisionYearRequest = free.filter((r) => r.year === c.year).reduce((s, r) => s + r.amount, 0);
    if (decisionYearRequest === 0) {
      if (decided.length === 0) excluded.push({ measureId: m.measureId, reason: `requests nothing for ${c.year}` });
      continue;
    }
    out.push({ measure: m, requests: free, decisionYearRequest });
  }
  return out;
}

/** R25: a measure's weight under the key; every missing participant count and a zero sum of weights are named. */
function weightsOf(c: DraftProposal, candidates: Candidate[], v: RuleViolation[]): number[] {
  const weights = candidates.map(({ measure: m, decisionYearRequest }) => {
    switch (c.key) {
      case 'pro_rata':
        return decisionYearRequest;
      case 'equal':
        return 1;
      case 'participants': {
        const n = c.participants?.[m.measureId];
        if (n === undefined)
          v.push({
            rule: 'R25',
            field: `participants.${m.measureId}`,
            message: `give the planned participants of measure ${m.measureId} (key participants)`,
          });
        return n ?? 0;
      }
      case 'weights':
        return c.weights?.[m.measureId] ?? Math.max(0, ...m.themes.map((t) => c.themeWeights?.[t] ?? 0));
    }
  });
  if (c.key === 'weights' || c.key === 'participants') {
    weights.forEach((w, i) => {
      if (!Number.isFinite(w) || w < 0)
        v.push({ rule: 'R25', field: `${c.key}.${candidates[i].measure.measureId}`, message: 'a weight is a finite number ≥ 0' });
    });
    if (candidates.length > 0 && v.length === 0 && weights.every((w) => w === 0))
      v.push({ rule: 'R25', field: c.key, message: `the ${c.key} of the candidate measures sum to zero: nothing can be split` });
  }
  return weights;
}

/** A measure's part over its recipients, pro rata to their requests; later years scaled alike (R9 commitments). */
function linesOf(c: DraftProposal, cand: Candidate, part: number, weight: number): ProposalLine[] {
  const orgs = [...new Set(cand.requests.map((r) => r.org))];
  const inYear = orgs.map((org) => cand.requests.filter((r) => r.org === org && r.year === c.year).reduce((s, r) => s + r.amount, 0));
  const shares = splitByKey(
    part,
    inYear.map((cap) => ({ cap, weight: cap })),
  );
  return orgs.map((org, i) => {
    const years = [...new Set(cand.requests.filter((r) => r.org === org).map((r) => r.year))].sort((a, b) => a - b);
    const kind = c.kinds[org] ?? null;
    return {
      measureId: cand.measure.measureId,
      title: cand.measure.title,
      recipientOrg: org,
      recipientKind: kind,
      weight,
      years: years.map((year) => {
        const requested = cand.requests.filter((r) => r.org === org && r.year === year).reduce((s, r) => s + r.amount, 0);
        const amount =
          year === c.year ? shares[i] : inYear[i] === 0 ? 0 : Number((BigInt(requested) * BigInt(shares[i])) / BigInt(inYear[i]));
        return {
          year,
          requested,
          amount,
          coFinancingRequired: kind ? requiredCoFinancing({ scheme: c.scheme, recipientKind: kind }, year, amount) : 0,
        };
      }),
    };
  });
}

function effectOf(c: DraftProposal, lines: ProposalLine[]): YearEffect[] {
  const years = [...new Set([c.year, ...lines.flatMap((l) => l.years.map((y) => y.year))])].sort((a, b) => a - b);
  return years.map((year) => {
    const frame = c.ledger.frames[year] ?? null;
    const charged = chargedTo(c.ledger, year);
    const proposed = lines.reduce((s, l) => s + l.years.filter((y) => y.year === year).reduce((t, y) => t + y.amount, 0), 0);
    return { year, frame, charged, proposed, freeAfter: frame === null ? null : frame - charged - proposed };
  });
}

/** R25 (key, rounding, caps), R18 (never above the free amount): a draft proposal; it charges nothing. */
export function decideDraftProposal(c: DraftProposal, state: ProposalState): ProposalEvent[] {
  if (state.proposal) return [];
  const frame = c.ledger.frames[c.year];
  if (frame === undefined)
    throw DomainError.of('R18', 'year', `no frame is set for ${c.office} ${c.scheme} ${c.year}: there is no free amount to split`);
  const freeAmount = frame - chargedTo(c.ledger, c.year);
  const amount = c.amount ?? Math.max(0, freeAmount);
  const v: RuleViolation[] = [];
  if (amount > freeAmount)
    v.push({
      rule: 'R18',
      field: 'amount',
      message: `${amount} kroner is more than the ${freeAmount} kroner free in ${c.year} after earlier commitments and decisions`,
    });
  const excluded: Array<{ measureId: string; reason: string }> = [];
  const candidates = candidatesOf(c, excluded);
  const weights = weightsOf(c, candidates, v);
  if (v.length) throw new DomainError(v);
  const parts = splitByKey(
    amount,
    candidates.map((cand, i) => ({ cap: cand.decisionYearRequest, weight: weights[i] })),
  );
  const lines = candidates.flatMap((cand, i) => linesOf(c, cand, parts[i], weights[i]));
  const allocated = parts.reduce((s, p) => s + p, 0);
  const effect = effectOf(c, lines);
  const warnings = effect
    .filter((e) => e.year > c.year && (e.freeAfter === null || e.freeAfter < 0))
    .map((e) => ({
      rule: 'R9',
      field: `effect[year=${e.year}]`,
      message:
        e.freeAfter === null
          ? `no frame is set for ${e.year} yet: the proposal commits ${e.proposed} kroner to it`
          : `the commitments would push the ${e.year} frame ${-e.freeAfter} kroner over (R18)`,
    }));
  const { proposalId, office, scheme, year, callId, key, source, recommendationId } = c;
  return [
    {
      type: 'AllocationProposalDrafted',
      data: {
        proposalId,
        office,
        scheme,
        year,
        callId,
        key,
        source,
        recommendationId,
        amount,
        freeAmount,
        allocated,
        unallocated: amount - allocated,
        lines,
        effect,
        excluded,
        draftedOn: c.today,
        warnings,
      },
    },
  ];
}
