import type { Step, Who } from './client.js';
import type { YrkesfagCountyPlan, YrkesfagYearPlan } from './plan-yrkesfag.js';
import { YRKESFAG_REASONS } from './texts-yrkesfag.js';

const MINISTRY: Who = { role: 'ministry' };
type Send = <T = any>(step: Step) => Promise<T | null>;

/**
 * YRKESFAG through the API (R24): one county stream at a time in order, the counties in parallel. Udir (the
 * ministry) sets, adjusts and pays the frames, extends deadlines and claims back; the county municipality (its own
 * school_owner token) fixes its forum, records needs and measures, adopts its plan, spends and reports. The ids the
 * service gives (members, needs, measures, the claim) are taken from its answers, as any client would.
 */
export async function runYrkesfag(counties: YrkesfagCountyPlan[], send: Send): Promise<void> {
  await Promise.all(counties.map((c) => runCounty(c, send)));
}

async function runCounty(c: YrkesfagCountyPlan, send: Send): Promise<void> {
  const county: Who = { role: 'school_owner', org: c.county };
  const C = `/yrkesfag/counties/${c.county}`;
  const F = `/yrkesfag/frames/${c.county}`;
  const key = (step: string) => `yf:${c.county}:${step}`;
  for (const y of c.years) {
    await send({
      key: key(`frame:${y.year}`),
      method: 'POST',
      path: '/yrkesfag/frames',
      who: MINISTRY,
      body: { countyOrg: c.county, year: y.year, amount: y.frame },
      doneIfExists: true,
    });
    if (y.adjustTo)
      await send({
        key: key(`frame:${y.year}:adjust`),
        method: 'POST',
        path: `${F}/${y.year}/adjustments`,
        who: MINISTRY,
        body: { amount: y.adjustTo, reason: YRKESFAG_REASONS.frameAdjustment },
      });
  }
  const memberIds = new Map<string, string>();
  for (const m of c.members) {
    const r = await send<{ memberId: string }>({
      key: key(`member:${m.key}`),
      method: 'POST',
      path: `${C}/forum/members`,
      who: county,
      body: { ...(m.orgNumber ? { orgNumber: m.orgNumber } : {}), name: m.name, category: m.category, joinedOn: m.joinedOn },
    });
    memberIds.set(m.key, r!.memberId);
  }
  for (const m of c.members.filter((x) => x.leftOn))
    await send({
      key: key(`member:${m.key}:left`),
      method: 'POST',
      path: `${C}/forum/members/${memberIds.get(m.key)}/departure`,
      who: county,
      body: { leftOn: m.leftOn, reason: YRKESFAG_REASONS.memberLeft },
    });
  for (const y of c.years) await runYear(c, y, county, memberIds, send);
}

async function runYear(c: YrkesfagCountyPlan, y: YrkesfagYearPlan, county: Who, memberIds: Map<string, string>, send: Send) {
  const C = `/yrkesfag/counties/${c.county}`;
  const F = `/yrkesfag/frames/${c.county}/${y.year}`;
  const key = (step: string) => `yf:${c.county}:${y.year}:${step}`;
  for (const mt of y.meetings) {
    const { key: k, present, ...body } = mt;
    await send({
      key: key(`meeting:${k}`),
      method: 'POST',
      path: `${C}/forum/meetings`,
      who: county,
      body: { ...body, presentMemberIds: present.map((p) => memberIds.get(p)!) },
    });
  }
  const needIds = new Map<string, string>();
  for (const n of y.needs) {
    const { key: k, ...body } = n;
    const r = await send<{ needId: string }>({
      key: key(`need:${k}`),
      method: 'POST',
      path: `${C}/needs`,
      who: county,
      body: { year: y.year, ...body },
    });
    needIds.set(k, r!.needId);
  }
  const measureIds = new Map<string, string>();
  for (const m of y.measures) {
    const { key: k, needKeys, ...body } = m;
    const r = await send<{ measureId: string }>({
      key: key(`measure:${k}`),
      method: 'POST',
      path: `${C}/measures`,
      who: county,
      body: { year: y.year, ...body, needIds: needKeys.map((n) => needIds.get(n)!), creditBearing: false },
    });
    measureIds.set(k, r!.measureId);
  }
  const lines = y.plan.map((l) => ({ measureId: measureIds.get(l.measureKey)!, priority: l.priority, amount: l.amount }));
  await send({ key: key('plan'), method: 'POST', path: `${C}/plans/${y.year}`, who: county, body: { lines } });
  for (const [i, p] of y.payments.entries())
    await send({ key: key(`pay:${i}`), method: 'POST', path: `${F}/payments`, who: MINISTRY, body: p });
  for (const [i, s] of y.spending.entries()) {
    const { measureKey, ...body } = s;
    await send({
      key: key(`spend:${i}`),
      method: 'POST',
      path: `${C}/spending`,
      who: county,
      body: { measureId: measureIds.get(measureKey)!, ...body },
    });
  }
  if (y.deadlineExtension)
    await send({ key: key('deadline'), method: 'POST', path: `${F}/report-deadline-extensions`, who: MINISTRY, body: y.deadlineExtension });
  if (y.report)
    await send({ key: key('report'), method: 'POST', path: `${C}/reports/${y.year}`, who: county, body: y.report, doneIfExists: true });
  if (y.claim) {
    const { settlements, ...body } = y.claim;
    const r = await send<{ claimId: string }>({ key: key('claim'), method: 'POST', path: `${F}/repayment-claims`, who: MINISTRY, body });
    for (const [i, s] of settlements.entries())
      await send({
        key: key(`settle:${i}`),
        method: 'POST',
        path: `${F}/repayment-claims/${r!.claimId}/settlements`,
        who: MINISTRY,
        body: s,
      });
  }
}
