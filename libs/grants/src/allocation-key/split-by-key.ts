/**
 * R25: split an amount over lines by a key, in whole kroner. Each line has a cap (what it requested) and a weight
 * (its share of the key: the amount requested, its participants, 1 for equal shares, or a given weight). No line
 * gets more than its cap: a line whose share would pass it gets its cap, and the excess is split again over the
 * others (water filling). The parts are rounded down and the kroner left over go, one each, to the lines with the
 * largest remainders (ties: the earlier line), so the parts add up to min(amount, Σ caps of weighted lines) exactly.
 * Pure and deterministic; integers only (BigInt), so no float ever rounds a krone away.
 */
export interface KeyLine {
  /** Whole kroner, ≥ 0. */
  cap: number;
  /** ≥ 0; a line of weight 0 gets nothing. */
  weight: number;
}

/** Weights as integers: up to 6 decimals are kept. */
const SCALE = 1_000_000;
const scaled = (w: number) => BigInt(Math.round(w * SCALE));

export function splitByKey(amount: number, lines: readonly KeyLine[]): number[] {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error('amount must be whole, non-negative kroner');
  for (const l of lines) {
    if (!Number.isSafeInteger(l.cap) || l.cap < 0) throw new Error('a cap is whole, non-negative kroner');
    if (!Number.isFinite(l.weight) || l.weight < 0) throw new Error('a weight is a finite, non-negative number');
  }
  const parts = lines.map(() => 0n);
  const weights = lines.map((l) => scaled(l.weight));
  let active = lines.map((_, i) => i).filter((i) => weights[i] > 0n && lines[i].cap > 0);
  let rest = BigInt(amount);
  // Water filling: cap every line whose exact share reaches its request, until no share does.
  for (;;) {
    const total = active.reduce((s, i) => s + weights[i], 0n);
    if (total === 0n || rest === 0n) break;
    const capped = active.filter((i) => rest * weights[i] >= BigInt(lines[i].cap) * total);
    if (capped.length === 0) break;
    for (const i of capped) {
      parts[i] = BigInt(lines[i].cap);
      rest -= parts[i];
    }
    active = active.filter((i) => !capped.includes(i));
  }
  const total = active.reduce((s, i) => s + weights[i], 0n);
  if (total > 0n && rest > 0n) largestRemainder(rest, total, active, weights, parts);
  return parts.map(Number);
}

function largestRemainder(rest: bigint, total: bigint, active: number[], weights: bigint[], parts: bigint[]) {
  let given = 0n;
  const remainders: Array<{ i: number; r: bigint }> = [];
  for (const i of active) {
    const exact = rest * weights[i];
    parts[i] = exact / total;
    given += parts[i];
    remainders.push({ i, r: exact % total });
  }
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; k < Number(rest - given); k++) parts[remainders[k].i] += 1n;
}
