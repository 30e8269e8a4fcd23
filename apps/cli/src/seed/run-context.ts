import type { SeedClient, Step, Who } from './client.js';
import type { AssessmentPlan, SeedPlan } from './plan.js';
import type { SeedResult } from './run.js';

export const gov = (office: string): Who => ({ role: 'governor', office });
export const owner = (org: string): Who => ({ role: 'school_owner', org });
export const uni = (org: string): Who => ({ role: 'university', org });
export const MINISTRY: Who = { role: 'ministry' };

/** Runs lanes concurrently (each lane's steps in order); the client bounds the requests in flight. */
export async function lanes<T>(items: readonly T[], lane: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map(lane));
}

/** What the seed's steps share: the plan, the client, and the ids the service gave as its answers arrived. */
export interface RunContext {
  plan: SeedPlan;
  client: SeedClient;
  send: <T = any>(step: Step) => Promise<T | null>;
  ids: SeedResult['ids'];
  /** Forum members and meetings by `${forumId}:${key}`; measures by `${assessmentKey}:${measureKey}`. */
  memberIds: Map<string, string>;
  meetingIds: Map<string, string>;
  measureIds: Map<string, string>;
  setPhase: (phase: string) => void;
}

/** A measure's id and an assessment's path, from the ids the service gave. */
export const measurePaths = (ctx: RunContext) => ({
  mid: (a: AssessmentPlan, measureKey: string) => ctx.measureIds.get(`${a.key}:${measureKey}`)!,
  naPath: (a: AssessmentPlan) => `/needs-assessments/${ctx.ids.assessments[a.key]}`,
});
