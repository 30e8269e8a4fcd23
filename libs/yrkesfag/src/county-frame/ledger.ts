import { NotFoundError } from '#libs/kernel';
import type { ExistingCounty, FrameYear, YrkesfagState } from './county-frame.state.js';

/** The county's stream must hold a frame (Udir set one): otherwise there is no YRKESFAG grant holder here. */
export function existingCounty(state: YrkesfagState, county = '(this county)'): ExistingCounty {
  if (!state.county || !state.name) throw new NotFoundError('YRKESFAG county', county);
  return state as ExistingCounty;
}

/** The frame of a year (404 when Udir set none). */
export function frameYear(state: ExistingCounty, year: number): FrameYear {
  const y = state.years.find((f) => f.year === year);
  if (!y) throw new NotFoundError('YRKESFAG frame', `${state.county}/${year}`);
  return y;
}

export const findFrameYear = (state: YrkesfagState, year: number): FrameYear | undefined => state.years.find((f) => f.year === year);

/** R18: the money charged to a year's frame by the county's plan: the planned amount of every measure of the year. */
export const plannedIn = (state: YrkesfagState, year: number) =>
  state.measures.filter((m) => m.year === year).reduce((s, m) => s + m.amount, 0);

/** R16: what was claimed back for a year (settled or not). */
export const claimedIn = (state: YrkesfagState, year: number) =>
  state.claims.filter((c) => c.year === year).reduce((s, c) => s + c.amount, 0);

/** R16: paid − spent for a year (never below 0). */
export const unspentIn = (y: FrameYear) => Math.max(0, y.paid - y.spent);

/** R15: years before `year` whose report is past its deadline on `today` and not submitted. */
export const overdueBefore = (state: YrkesfagState, year: number, today: string) =>
  state.years.filter((y) => y.year < year && y.report === null && y.reportDeadline < today);
