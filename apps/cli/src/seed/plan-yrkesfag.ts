import type { ForumCategory, NeedSource, ProgrammeArea, ProviderKind, TargetGroup } from '#libs/yrkesfag';
import { holdsCountyDuties } from '#libs/kernel';
import { officeOfCounty, UNIVERSITIES } from '#libs/reference-data';
import { Prng } from './prng.js';
import type { OrgPlan } from './plan.types.js';
import type { YrkesfagCountyPlan, YrkesfagMemberPlan, YrkesfagParticipants, YrkesfagYearPlan } from './plan-yrkesfag.types.js';
import { realOrgNumbers, synthOrg } from './plan-organisations.js';
import { round, sum } from './plan-helpers.js';
import { SCHOOL_STEMS } from './texts.js';
import {
  COUNTY_INHABITANTS,
  COURSE_COMPANIES,
  FORUM_MEMBERS,
  MEASURES,
  NEEDS,
  TRAINING_COMPANIES,
  YRKESFAG_EVALUATIONS,
  YRKESFAG_MEETINGS,
  YRKESFAG_REASONS,
} from './texts-yrkesfag.js';

export type * from './plan-yrkesfag.types.js';

/** Programme areas (utdanningsprogram) as running text names them. */
const AREAS: Record<ProgrammeArea, string> = {
  BA: 'bygg- og anleggsteknikk',
  EL: 'elektro og datateknologi',
  FD: 'frisør, blomster, interiør og eksponeringsdesign',
  HD: 'håndverk, design og produktutvikling',
  HO: 'helse- og oppvekstfag',
  IM: 'informasjonsteknologi og medieproduksjon',
  NA: 'naturbruk',
  RM: 'restaurant- og matfag',
  SR: 'salg, service og reiseliv',
  TP: 'teknologi- og industrifag',
};
const AREA_CODES = Object.keys(AREAS) as ProgrammeArea[];
const SOURCE_TARGETS: Record<NeedSource, TargetGroup[]> = {
  school: ['vocational_teachers', 'examination_board_members'],
  training_company: ['instructors', 'professional_leaders'],
};
const PROVIDER_KINDS = Object.keys(MEASURES) as ProviderKind[];
const MIN_FRAME = 2_000_000;
const MAX_FRAME = 12_000_000;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));

/** The county's schools and training companies (lærebedrifter) with synthetic but valid org numbers (R19). */
interface Places {
  schools: Array<{ orgNumber: string; name: string }>;
  companies: Array<{ orgNumber: string; name: string }>;
}

/**
 * YRKESFAG for every county municipality in `organisations` (all 15: for Oslo, Oslo kommune, which owns Oslo's
 * upper secondary schools and holds the county's duties, R24). Each county's part
 * depends only on the seed, the county and the year, so more years or other offices leave it as it was.
 * Synthetic org numbers are `8<county>…9`: a prefix no other synthetic number of the seed has.
 */
export function planYrkesfag(root: Prng, years: number[], organisations: OrgPlan[]): YrkesfagCountyPlan[] {
  const taken = realOrgNumbers();
  return organisations
    .filter((o) => holdsCountyDuties(o))
    .map((o) => ({ ...o, countyNumber: o.countyNumber ?? o.municipalityNumber!.slice(0, 2) }))
    .sort((a, b) => a.countyNumber.localeCompare(b.countyNumber))
    .map((o) => planCounty(root.fork(`yrkesfag:${o.countyNumber}`), years, o, taken));
}

function planCounty(rng: Prng, years: number[], org: OrgPlan, taken: Set<string>): YrkesfagCountyPlan {
  const c = org.countyNumber!;
  const county = org.name.replace(/ (fylkeskommune|kommune)$/, '');
  const prng = rng.fork('places');
  const stems = prng.sample(SCHOOL_STEMS, 16);
  const org7 = (kind: number, n: number) => synthOrg(`8${c}${kind}${String(n).padStart(2, '0')}9`, taken);
  const places: Places = {
    schools: stems.slice(0, prng.int(4, 8)).map((s, i) => ({ orgNumber: org7(5, i), name: `${s} videregående skole` })),
    companies: stems.slice(8, 8 + prng.int(4, 8)).map((s, i) => ({
      orgNumber: org7(6, i),
      name: fill(prng.pick(TRAINING_COMPANIES), { stem: s }),
    })),
  };
  const areas = prng.sample(AREA_CODES, 5);
  const members = planMembers(rng.fork('forum'), years, county, places);
  const size = (COUNTY_INHABITANTS[c] - 75) / (725 - 75);
  const providers = {
    university: universityFor(c),
    vocational_college: { orgNumber: org7(7, 0), name: fill(MEASURES.vocational_college.providers[0], { county }) },
    trade_body: { orgNumber: org7(7, 1), name: fill(prng.pick(MEASURES.trade_body.providers), { county }) },
    company: { orgNumber: org7(8, 0), name: fill(prng.pick(COURSE_COMPANIES), { stem: stems[15] }) },
  };
  return {
    county: org.orgNumber,
    name: org.name,
    countyNumber: c,
    members,
    years: years.map((year, i) => {
      const yrng = rng.fork(`year:${year}`);
      const frame = round(Math.min(MAX_FRAME, Math.max(MIN_FRAME, (MIN_FRAME + size * 10_000_000) * (0.92 + yrng.next() * 0.16))), 100_000);
      const plan: YrkesfagYearPlan = {
        year,
        frame,
        ...(i === 0 && yrng.chance(0.25) ? { adjustTo: round(frame * (1.05 + yrng.next() * 0.05), 100_000) } : {}),
        meetings: planMeetings(yrng, year, members),
        needs: [],
        measures: [],
        plan: [],
        payments: [],
        spending: [],
      };
      planNeedsAndMeasures(yrng, plan, county, places, areas, providers);
      if (i === 0) planFollowUp(yrng, plan);
      return plan;
    }),
  };
}

/** A local university (by county, else office) with its real org number. */
function universityFor(countyNumber: string) {
  const office = officeOfCounty(countyNumber)?.code;
  const local =
    UNIVERSITIES.find((u) => u.countyNumber === countyNumber) ?? UNIVERSITIES.find((u) => officeOfCounty(u.countyNumber)?.code === office);
  const u = local ?? UNIVERSITIES[0];
  return { orgNumber: u.orgNumber, name: u.name };
}

/** R24: schools, working life, training offices, the vocational board, teacher unions; one or two are replaced. */
function planMembers(rng: Prng, years: number[], county: string, places: Places): YrkesfagMemberPlan[] {
  const joinedOn = `${years[0] - 1}-09-01`;
  const members: YrkesfagMemberPlan[] = [];
  const add = (category: ForumCategory, name: string, orgNumber?: string) =>
    members.push({ key: `M${members.length + 1}`, ...(orgNumber ? { orgNumber } : {}), name, category, joinedOn });
  for (const s of places.schools.slice(0, 2)) add('schools', s.name, s.orgNumber);
  for (const [category, names] of Object.entries(FORUM_MEMBERS) as Array<[ForumCategory, readonly string[]]>) {
    const n = category === 'other_invited' ? (rng.chance(0.5) ? 1 : 0) : Math.min(names.length, rng.int(1, 2));
    for (const name of rng.sample(names, n)) add(category, name.replace('{county}', county));
  }
  // One member leaves in the first year and another perhaps in the second, each replaced by a new representative.
  const replaceable = members.filter((m) => m.category !== 'schools' && m.category !== 'vocational_boards');
  const leaving = rng.sample(replaceable, 2);
  years.slice(0, 2).forEach((year, i) => {
    if (i === 1 && !rng.chance(0.5)) return;
    const m = leaving[i];
    m.leftOn = `${year}-06-30`;
    members.push({ key: `R${year}`, name: `${m.name} (ny representant)`, category: m.category, joinedOn: `${year}-08-15` });
  });
  return members;
}

function planMeetings(rng: Prng, year: number, members: YrkesfagMemberPlan[]): YrkesfagYearPlan['meetings'] {
  const dates = rng.chance(0.7) ? [`${year}-02-12`, `${year}-03-19`] : [`${year}-03-19`];
  return dates.map((date) => {
    const text = YRKESFAG_MEETINGS[date.endsWith('02-12') ? 0 : 1];
    const eligible = members.filter((m) => m.joinedOn <= date && (!m.leftOn || date < m.leftOn));
    const absent = new Set(rng.sample(eligible, rng.int(0, 2)).map((m) => m.key));
    return {
      key: `${year}:${date.slice(5)}`,
      date,
      agenda: text.agenda.map((a) => fill(a, { year })),
      minutesSummary: text.minutesSummary,
      present: eligible.filter((m) => !absent.has(m.key)).map((m) => m.key),
    };
  });
}

type Providers = Record<Exclude<ProviderKind, 'county_municipality'>, { orgNumber: string; name: string }>;

/** Needs from schools and training companies; measures by several kinds of provider; the plan within the frame (R18). */
function planNeedsAndMeasures(
  rng: Prng,
  plan: YrkesfagYearPlan,
  county: string,
  places: Places,
  areas: ProgrammeArea[],
  providers: Providers,
) {
  const year = plan.year;
  const needCount = rng.int(3, 6);
  for (let i = 0; i < needCount; i++) {
    const source: NeedSource = rng.chance(0.5) ? 'school' : 'training_company';
    const from = rng.pick(source === 'school' ? places.schools : places.companies);
    const programmeAreas = rng.sample(areas, rng.int(1, 2));
    plan.needs.push({
      key: `${year}:N${i + 1}`,
      fromOrg: from.orgNumber,
      source,
      targetGroups: rng.sample(SOURCE_TARGETS[source], rng.int(1, 2)),
      programmeAreas,
      description: fill(rng.pick(NEEDS[source]), { area: AREAS[programmeAreas[0]] }),
    });
  }
  const kinds = rng.sample(PROVIDER_KINDS, rng.int(3, 5));
  const total = round((plan.adjustTo ?? plan.frame) * (0.85 + rng.next() * 0.15), 10_000);
  const weights = kinds.map(() => 1 + rng.next());
  kinds.forEach((kind, i) => {
    const needs = rng.sample(plan.needs, rng.int(1, 2));
    const programmeAreas = [...new Set(needs.flatMap((n) => n.programmeAreas))];
    const amount =
      i < kinds.length - 1 ? round((total * weights[i]) / sum(weights), 10_000) : total - sum(plan.measures.map((m) => m.amount));
    const { title, targets } = rng.pick<{ title: string; targets: TargetGroup[] }>(MEASURES[kind].titles);
    plan.measures.push({
      key: `${year}:T${i + 1}`,
      title: fill(title, { area: AREAS[programmeAreas[0]], county }),
      provider: kind === 'county_municipality' ? { kind } : { kind, ...providers[kind] },
      targetGroups: targets,
      programmeAreas,
      needKeys: needs.map((n) => n.key),
      amount,
    });
  });
  const priorities = rng.sample(
    plan.measures.map((_, i) => i + 1),
    plan.measures.length,
  );
  plan.plan = plan.measures.map((m, i) => ({ measureKey: m.key, priority: priorities[i], amount: m.amount }));
}

/** The current year: Udir pays the frame in two parts; the county spends, reaches participants and reports; R16. */
function planFollowUp(rng: Prng, plan: YrkesfagYearPlan) {
  const year = plan.year;
  const frame = plan.adjustTo ?? plan.frame;
  const first = round(frame * 0.5, 1000);
  plan.payments.push({ amount: first, paidOn: `${year}-03-01` }, { amount: frame - first, paidOn: `${year}-09-01` });
  for (const m of plan.measures) {
    const spent = round(m.amount * (0.8 + rng.next() * 0.2), 1000);
    const reached = (): YrkesfagParticipants => ({
      vocational_teachers: m.targetGroups.includes('vocational_teachers') ? rng.int(8, 40) : 0,
      instructors: m.targetGroups.includes('instructors') ? rng.int(10, 60) : 0,
      professional_leaders: m.targetGroups.includes('professional_leaders') ? rng.int(5, 30) : 0,
      examination_board_members: m.targetGroups.includes('examination_board_members') ? rng.int(6, 25) : 0,
    });
    if (rng.chance(0.3)) {
      const part = round(spent * 0.4, 1000);
      plan.spending.push({ measureKey: m.key, amount: part, spentOn: `${year}-06-30`, participants: reached() });
      plan.spending.push({ measureKey: m.key, amount: spent - part, spentOn: `${year}-11-30`, participants: reached() });
    } else plan.spending.push({ measureKey: m.key, amount: spent, spentOn: `${year}-11-30`, participants: reached() });
  }
  if (!rng.chance(0.75)) {
    if (rng.chance(0.5)) plan.deadlineExtension = { deadline: `${year + 1}-02-15`, reason: YRKESFAG_REASONS.deadlineExtension };
    return;
  }
  plan.report = { evaluation: rng.pick(YRKESFAG_EVALUATIONS) };
  const unspent = sum(plan.payments.map((p) => p.amount)) - sum(plan.spending.map((s) => s.amount));
  if (unspent <= 0) return;
  const draw = rng.next();
  const half = round(unspent / 2, 1000);
  const settlements =
    draw < 0.5
      ? [{ amount: unspent, settledOn: `${year}-12-20` }]
      : draw < 0.8 && half > 0 && half < unspent
        ? [
            { amount: half, settledOn: `${year}-12-20` },
            { amount: unspent - half, settledOn: `${year + 1}-01-20` },
          ]
        : [];
  plan.claim = { amount: unspent, claimedOn: `${year}-12-10`, reason: fill(YRKESFAG_REASONS.repayment, { year }), settlements };
}

/** The steps the runner sends for the YRKESFAG plan (for the progress bar; the same branches as run-yrkesfag.ts). */
export function countYrkesfagSteps(counties: YrkesfagCountyPlan[]): number {
  let n = 0;
  for (const c of counties) {
    n += c.members.length + c.members.filter((m) => m.leftOn).length;
    for (const y of c.years) {
      n += 1 + (y.adjustTo ? 1 : 0) + y.meetings.length + y.needs.length + y.measures.length + 1;
      n += y.payments.length + y.spending.length + (y.deadlineExtension ? 1 : 0) + (y.report ? 1 : 0);
      if (y.claim) n += 1 + y.claim.settlements.length;
    }
  }
  return n;
}
