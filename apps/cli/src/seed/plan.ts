import {
  COUNTIES,
  GOVERNOR_OFFICES,
  municipalitiesOfCounty,
  officeOfCounty,
  orgNumberCheckDigit,
  UNIVERSITIES,
  type GovernorOffice,
  type OfficeCode,
} from '#libs/reference-data';
import { Prng } from './prng.js';
import {
  CONTACT_ROLES,
  DECLINE_EXPLANATIONS,
  EVALUATIONS,
  LEADER_INVOLVEMENT,
  PLAN_NAMES,
  REASONS,
  SCHOOL_KINDS,
  SCHOOL_STEMS,
  STAFF_INVOLVEMENT,
  SUBCONTRACTORS,
  SUMMARIES,
  TEACHER_EDUCATION_FEEDBACK,
  THEMES,
  UNIVERSITY_PARTICIPATION,
  type Theme,
} from './texts.js';

/**
 * The seed plan: every organisation, call, needs assessment, partnership answer, forum, recommendation and grant
 * step of the seeded years, decided up front from the seed alone (a pure function of the options). The runner only
 * sends it; ids the service makes (needs assessments, measures, payments, claims) are filled in as answers arrive.
 */

export interface SeedOptions {
  /** The PRNG seed: the same seed (and date) gives the same plan. */
  seed: number;
  /** Seeded years: the current year and the following ones (see `seedYears`). */
  years: number;
  offices: OfficeCode[];
  /** Multiplies the number of needs assessments per office and year (40–250 at 1). */
  scale: number;
  /** Today in Norway (YYYY-MM-DD): the service decides lateness on its own clock, and the plan must agree. */
  today: string;
}

export type OrgKind = 'municipality' | 'county_municipality' | 'private_owner' | 'university' | 'commercial';

export interface OrgPlan {
  orgNumber: string;
  name: string;
  kind: OrgKind;
  municipalityNumber?: string;
  countyNumber?: string;
  /** The office of an owner (registered by that office's governor); universities and others by the ministry. */
  office: OfficeCode | null;
}

export interface CallPlan {
  office: OfficeCode;
  year: number;
  callId: string;
  title: string;
  deadline: string;
  decisionDate: string;
  /** R14: opened with a deadline already past, so the first submissions are late; then extended for the rest. */
  extendTo: string | null;
}

export interface BudgetLine {
  year: number;
  category: 'needs_assessment' | 'planning' | 'implementation' | 'evaluation' | 'coordinator';
  amount: number;
}
export interface CoFinancingLine {
  year: number;
  amount: number;
  form: 'money' | 'salary' | 'released_time';
}
export interface LinesPlan {
  budget: BudgetLine[];
  coFinancing: CoFinancingLine[];
}

export interface MeasurePlan {
  key: string;
  theme: Theme;
  fields: {
    title: string;
    description: string;
    targetGroup: string;
    schools: string[];
    participants: { teachers: number; leaders: number; otherStaff: number };
    startYear: number;
    spanYears: number;
  };
  /** The university first named (R3). */
  university: string;
  /** Money lines per owner (R10: each its own) and the university's line (set by the lead), where it has one. */
  ownerLines: Record<string, LinesPlan>;
  universityLines: LinesPlan | null;
  /** The named university's answer. */
  answer: 'commit' | 'decline' | 'none';
  declineReason?: 'capacity' | 'competence';
  declineExplanation?: string;
  /** R3: after a decline the lead names another university, which commits. */
  replacement?: { university: string; lines: LinesPlan | null };
  commitment: { competenceAreas: string[]; capacityHoursPerYear: number; contactRole: string };
  /** R2: a subcontractor under the committed university's line. */
  subcontractor?: { orgNumber: string; name: string; sharePercent: number; task: string };
}

export interface AssessmentPlan {
  key: string;
  office: OfficeCode;
  year: number;
  callId: string;
  lead: string;
  coOwners: string[];
  title: string;
  content: {
    title: string;
    summary: string;
    anchoring: { staffInvolvement: string; leaderInvolvement: string; universityParticipation: string; plans: string[] };
    themes: { goals: string[]; tags: string[] };
  };
  measures: MeasurePlan[];
  /** 'draft': never submitted; 'late': submitted before the deadline extension (R14). */
  submission: 'draft' | 'late' | 'on_time';
  /** After submission, before the deadline: the lead changes its lines and amends (R21). */
  amendment?: { measureKey: string; lines: LinesPlan; reason: string };
  withdrawal?: string;
}

export interface ForumMemberPlan {
  key: string;
  orgNumber?: string;
  name: string;
  category: 'school_owner_public' | 'school_owner_private' | 'university' | 'ks' | 'teacher_union' | 'other';
  joinedOn: string;
  /** R11: leaves (with a reason), replaced by `replacedBy`. */
  leftOn?: string;
}

export interface MeetingPlan {
  key: string;
  date: string;
  agenda: string[];
  minutesSummary: string;
  /** Member keys present. */
  present: string[];
}

export interface AmountPlan {
  recipientOrg: string;
  year: number;
  amount: number;
}

export interface RecommendedMeasurePlan {
  measure: { assessmentKey: string; measureKey: string };
  participants: string;
  startYear: number;
  spanYears: number;
  criteria: string;
  cooperatingOwners: string[];
  cooperatingUniversities: string[];
  amounts: AmountPlan[];
}

export interface RecommendationPlan {
  office: OfficeCode;
  year: number;
  callId: string;
  meetingKey: string;
  outcome: 'consensus' | 'vote' | 'no_agreement';
  vote?: { for: number; against: number; abstain: number };
  measures: RecommendedMeasurePlan[];
  /** Recorded first without the last measure, then amended with it (R21). */
  amendWithLast: boolean;
  note: string;
}

export interface GrantPlan {
  key: string;
  office: OfficeCode;
  year: number;
  measure: { assessmentKey: string; measureKey: string };
  recipientOrg: string;
  recipientKind: OrgKind;
  recommended: Array<{ year: number; amount: number }>;
  decided: Array<{ year: number; amount: number }>;
  deviationReason?: string;
  /** Later change of the decision (R21), in the ledger after all decisions of the office. */
  amendment?: { amounts: Array<{ year: number; amount: number }>; reason: string };
  revocation?: string;
  accept: boolean;
  coFinancing: Array<{ year: number; money: number; salary: number; releasedTime: number }>;
  payments: Array<{ year: number; amount: number }>;
  report?: {
    year: number;
    spent: number;
    unspent: number;
    coFinancingProvided: { money: number; salary: number; releasedTime: number };
    participants: Array<{ role: string; count: number }>;
    evaluation: string;
    teacherEducationFeedback?: string;
  };
  approve: boolean;
  claims: Array<{ year: number; amount: number; reason: string; settle: number }>;
}

export interface FramePlan {
  office: OfficeCode;
  year: number;
  amount: number;
  adjustTo?: number;
}

export interface SeedPlan {
  options: SeedOptions;
  years: number[];
  organisations: OrgPlan[];
  frames: FramePlan[];
  calls: CallPlan[];
  forums: Array<{ office: OfficeCode; forumId: string; name: string; counties: string[]; members: ForumMemberPlan[]; meetings: Array<MeetingPlan & { year: number }> }>;
  assessments: AssessmentPlan[];
  recommendations: RecommendationPlan[];
  grants: GrantPlan[];
}

export const SCHEME = 'DEKOMP';
export const MINISTRY_ORG = '972417750';

const pad = (n: number) => String(n).padStart(2, '0');
const round = (n: number, step: number) => Math.round(n / step) * step;
const ceilTo = (n: number, step: number) => Math.ceil(n / step) * step;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** R7: ceil(30 × grant / 100) in whole kroner, on integers (as the kernel computes it). */
export const minimumCoFinancing = (grant: number) => Math.floor((30 * grant + 99) / 100);

/** The years seeded: the current year and the next ones (see seed.ts for why not earlier years). */
export function seedYears(today: string, years: number): number[] {
  const current = Number(today.slice(0, 4));
  return Array.from({ length: years }, (_, i) => current + i);
}

// ---------------------------------------------------------------- organisations

/** A valid, stable org number from 7 digits: the first 8th digit that admits a mod-11 check digit. */
function synthOrg(prefix7: string, taken: Set<string>): string {
  for (let d = 0; d <= 9; d++) {
    const first8 = `${prefix7}${d}`;
    const check = orgNumberCheckDigit(first8);
    if (check === undefined) continue;
    const org = `${first8}${check}`;
    if (!taken.has(org)) {
      taken.add(org);
      return org;
    }
  }
  throw new Error(`no free org number with prefix ${prefix7}`);
}

const shortName = (name: string) => name.split(' - ')[0].trim();

const PRIVATE_NAMES = ['Steinerskolen i {m}', '{m} friskole', 'Kristen grunnskole {m}', 'Montessoriskolen i {m}', '{m} private ungdomsskole'];

/**
 * The organisations of the selected offices: every municipality (real number; a synthetic but valid org number, as
 * the reference data has none), the county municipalities, a few private owners, every university with teacher
 * education (real org numbers) and three commercial providers (subcontractors only, R2). They do not depend on the
 * seed, so runs with different seeds share them.
 */
export function planOrganisations(offices: OfficeCode[]): OrgPlan[] {
  const taken = new Set<string>([...UNIVERSITIES.map((u) => u.orgNumber), ...GOVERNOR_OFFICES.map((o) => o.orgNumber), MINISTRY_ORG]);
  const orgs: OrgPlan[] = [];
  for (const u of UNIVERSITIES) orgs.push({ orgNumber: u.orgNumber, name: u.name, kind: 'university', countyNumber: u.countyNumber, office: null });
  for (let i = 0; i < SUBCONTRACTORS.length; i++) {
    orgs.push({ orgNumber: synthOrg(`899000${i}`, taken), name: SUBCONTRACTORS[i].name, kind: 'commercial', countyNumber: '03', office: null });
  }
  for (const code of offices) {
    const office = GOVERNOR_OFFICES.find((o) => o.code === code)!;
    const rng = new Prng(0x5eed).fork(`orgs:${code}`);
    const municipalities = office.countyNumbers.flatMap((c) => municipalitiesOfCounty(c));
    for (const m of municipalities) {
      orgs.push({ orgNumber: synthOrg(`9${m.number}00`, taken), name: `${shortName(m.name)} kommune`, kind: 'municipality', municipalityNumber: m.number, office: code });
    }
    for (const c of office.countyNumbers) {
      // Oslo is municipality and county in one: Oslo kommune owns its upper secondary schools.
      if (c === '03') continue;
      const county = COUNTIES.find((x) => x.number === c)!;
      orgs.push({ orgNumber: synthOrg(`9${c}0000`, taken), name: `${county.name} fylkeskommune`, kind: 'county_municipality', countyNumber: c, office: code });
    }
    const privates = rng.int(2, 4);
    for (let i = 0; i < privates; i++) {
      const m = rng.pick(municipalities);
      const name = rng.pick(PRIVATE_NAMES).replace('{m}', shortName(m.name));
      if (orgs.some((o) => o.name === name)) continue;
      orgs.push({ orgNumber: synthOrg(`8${m.number}1${i}`, taken), name, kind: 'private_owner', municipalityNumber: m.number, office: code });
    }
  }
  return orgs;
}

// ---------------------------------------------------------------- the plan

const officeOfUniversity = (countyNumber: string) => officeOfCounty(countyNumber)?.code ?? null;

function schoolsFor(rng: Prng, owner: OrgPlan, n: number): string[] {
  const names = new Set<string>();
  const upper = owner.kind === 'county_municipality';
  while (names.size < n) {
    const stem = rng.pick(SCHOOL_STEMS);
    names.add(upper ? `${stem} videregående skole` : `${stem} ${rng.pick(SCHOOL_KINDS)}`);
  }
  return [...names];
}

function ownerLines(rng: Prng, years: number[], perYear: number, withCoordinator: boolean, coordinatorHigh: boolean, lowCoFinancing: boolean): LinesPlan {
  const budget: BudgetLine[] = [];
  const coFinancing: CoFinancingLine[] = [];
  years.forEach((year, i) => {
    const total = round(perYear * (0.85 + rng.next() * 0.3), 5000);
    const lines: BudgetLine[] = [];
    if (i === 0) lines.push({ year, category: rng.chance(0.5) ? 'needs_assessment' : 'planning', amount: round(total * 0.1, 1000) });
    if (withCoordinator) lines.push({ year, category: 'coordinator', amount: round(total * (coordinatorHigh ? 0.14 : 0.06), 1000) });
    if (i === years.length - 1) lines.push({ year, category: 'evaluation', amount: round(total * 0.06, 1000) });
    const rest = total - sum(lines.map((l) => l.amount));
    budget.push({ year, category: 'implementation', amount: rest }, ...lines);
    // R7: at least ceil(30 %) of what is requested, planned per year; a few plan too little (a warning, not a refusal).
    const minimum = minimumCoFinancing(total);
    const planned = lowCoFinancing ? round(minimum * 0.6, 1000) : ceilTo(minimum * (1 + rng.next() * 0.35), 1000);
    const form = rng.pick(['money', 'salary', 'released_time'] as const);
    if (rng.chance(0.4) && planned >= 20_000) {
      const part = round(planned / 2, 1000);
      coFinancing.push({ year, amount: part, form }, { year, amount: planned - part, form: form === 'released_time' ? 'salary' : 'released_time' });
    } else {
      coFinancing.push({ year, amount: planned, form });
    }
  });
  return { budget, coFinancing };
}

function universityLines(rng: Prng, years: number[]): LinesPlan {
  return { budget: years.map((year) => ({ year, category: 'implementation' as const, amount: rng.kroner(30_000, 220_000, 5000) })), coFinancing: [] };
}

/** The final university's money line (after a replacement, the new one's), if it has one. */
const universityLinesOf = (m: MeasurePlan): LinesPlan[] => {
  const lines = m.replacement ? m.replacement.lines : m.universityLines;
  return lines ? [lines] : [];
};

const totalsByYear = (lines: LinesPlan) => {
  const m = new Map<number, number>();
  for (const b of lines.budget) m.set(b.year, (m.get(b.year) ?? 0) + b.amount);
  return m;
};

export function buildPlan(options: SeedOptions): SeedPlan {
  const root = new Prng(options.seed);
  const years = seedYears(options.today, options.years);
  const current = years[0];
  const organisations = planOrganisations(options.offices);
  const byOrg = new Map(organisations.map((o) => [o.orgNumber, o]));
  const calls: CallPlan[] = [];
  const assessments: AssessmentPlan[] = [];
  const forums: SeedPlan['forums'] = [];
  const recommendations: RecommendationPlan[] = [];
  const grants: GrantPlan[] = [];
  const frames: FramePlan[] = [];

  for (const code of options.offices) {
    const office = GOVERNOR_OFFICES.find((o) => o.code === code)!;
    const orng = root.fork(`office:${code}`);
    const owners = organisations.filter((o) => o.office === code && o.kind !== 'university' && o.kind !== 'commercial');
    const municipalities = owners.filter((o) => o.kind === 'municipality');
    const localUniversities = UNIVERSITIES.filter((u) => officeOfUniversity(u.countyNumber) === code).map((u) => u.orgNumber);
    const lateDecisions = options.offices.length >= 3 && orng.chance(0.12);

    // ---- calls (R14)
    for (const year of years) {
      const realistic = `${year}-02-01`;
      let deadline = realistic;
      let extendTo: string | null = null;
      let decisionDate = `${year}-04-30`;
      if (year === current) {
        // The service stamps today's date on every submission and decision. The current year's call opens with a
        // deadline already past (the real 1 February, or 15 December before it in January), so the submissions
        // sent first are late; the governor then extends the deadline and the rest arrive in time.
        if (options.today <= realistic) deadline = `${year - 1}-12-15`;
        extendTo = options.today <= realistic ? realistic : `${year}-12-31`;
        if (options.today > decisionDate && !lateDecisions) decisionDate = `${year}-12-31`;
      }
      calls.push({ office: code, year, callId: `${code}-${SCHEME}-${year}`.toLowerCase(), title: `Behovsmeldinger ${year} – desentralisert ordning (${office.name})`, deadline, decisionDate, extendTo });
    }

    // ---- the forum (R11): one per office, covering all its counties
    const frng = orng.fork('forum');
    const forumId = [code.toLowerCase(), ...[...office.countyNumbers].sort()].join('-');
    const joined = `${current - 1}-09-01`;
    const members: ForumMemberPlan[] = [];
    let mk = 0;
    const member = (m: Omit<ForumMemberPlan, 'key' | 'joinedOn'> & { joinedOn?: string }) => members.push({ key: `M${++mk}`, joinedOn: joined, ...m });
    for (const o of frng.sample(municipalities, Math.min(3, municipalities.length))) member({ orgNumber: o.orgNumber, name: o.name, category: 'school_owner_public' });
    const county = owners.find((o) => o.kind === 'county_municipality');
    if (county) member({ orgNumber: county.orgNumber, name: county.name, category: 'school_owner_public' });
    const skipPrivate = options.offices.length >= 3 && frng.chance(0.1);
    const privateOwner = owners.find((o) => o.kind === 'private_owner');
    if (privateOwner && !skipPrivate) member({ orgNumber: privateOwner.orgNumber, name: privateOwner.name, category: 'school_owner_private' });
    for (const u of localUniversities.slice(0, 3)) member({ orgNumber: u, name: byOrg.get(u)!.name, category: 'university' });
    member({ name: `KS ${office.name.replace('Statsforvalteren i ', '')}`, category: 'ks' });
    const union = members.length + 1;
    member({ name: `Utdanningsforbundet ${office.name.replace('Statsforvalteren i ', '')}`, category: 'teacher_union' });
    member({ name: 'Skolenes landsforbund', category: 'teacher_union' });
    // R11: a member leaves and the organisation sends someone new (a new membership from that date).
    const leftOn = `${current}-01-15`;
    members[union - 1].leftOn = leftOn;
    member({ name: `Utdanningsforbundet ${office.name.replace('Statsforvalteren i ', '')} (ny representant)`, category: 'teacher_union', joinedOn: leftOn });
    const isMemberOn = (m: ForumMemberPlan, date: string) => m.joinedOn <= date && (!m.leftOn || date < m.leftOn);
    const meetings: Array<MeetingPlan & { year: number }> = [];
    for (const year of years) {
      for (const [i, date] of [`${year}-02-20`, `${year}-03-18`].entries()) {
        const eligible = members.filter((m) => isMemberOn(m, date));
        const absent = new Set(frng.sample(eligible, frng.int(0, 2)).map((m) => m.key));
        meetings.push({
          key: `${year}:${i + 1}`,
          year,
          date,
          agenda: i === 0 ? [`Gjennomgang av behovsmeldinger ${year}`, 'Status for pågående tiltak'] : [`Innstilling for ${year}`, 'Fordeling av midler', 'Eventuelt'],
          minutesSummary: i === 0 ? 'Sekretariatet la fram oversikten over behovsmeldingene. Forumet drøftet kriterier for prioritering.' : 'Forumet behandlet innstillingen og fordelingen av midler.',
          present: eligible.filter((m) => !absent.has(m.key)).map((m) => m.key),
        });
      }
    }
    forums.push({ office: code, forumId, name: `Samarbeidsforum for ${office.name.replace('Statsforvalteren i ', '')}`, counties: [...office.countyNumbers], members, meetings });

    // ---- needs assessments per year
    const officeAssessments: AssessmentPlan[] = [];
    for (const year of years) {
      const yrng = orng.fork(`assessments:${year}`);
      const call = calls.find((c) => c.office === code && c.year === year)!;
      const count = Math.max(2, Math.round(yrng.int(40, 250) * options.scale));
      const yearAssessments: AssessmentPlan[] = [];
      for (let i = 0; i < count; i++) {
        yearAssessments.push(planAssessment(yrng.fork(`a${i}`), `${code}:${year}:${i + 1}`, office, year, call, owners, municipalities, localUniversities, organisations));
      }
      // Even a small run has a late submission where the call allows one (R14).
      if (call.extendTo && !yearAssessments.some((a) => a.submission === 'late')) {
        const a = yearAssessments.find((x) => x.submission === 'on_time' && !x.amendment);
        if (a) a.submission = 'late';
      }
      officeAssessments.push(...yearAssessments);
    }
    assessments.push(...officeAssessments);

    // ---- frames (R9, R18): the ministry's frame per year covers the commitments from earlier years' decisions plus
    // new money for about a fifth of the year's first-year requests; the frames of the two years after the last
    // seeded one are set too, so multi-year decisions have a frame to commit against.
    const rrng = orng.fork('frames');
    const firstYearRequested = (year: number) =>
      sum(
        officeAssessments
          .filter((a) => a.year === year && a.submission !== 'draft' && !a.withdrawal)
          .flatMap((a) => a.measures.flatMap((m) => [...Object.values(m.ownerLines), ...universityLinesOf(m)].flatMap((l) => l.budget.filter((b) => b.year === year).map((b) => b.amount)))),
      );
    const adjustYear = rrng.chance(0.25) ? current : null;
    const charged = new Map<number, number>();
    const grantInputs: Array<{ seed: Prng; input: GrantInput }> = [];
    const setFrame = (year: number, newMoney: number) => {
      const amount = Math.max(1_000_000, ceilTo((charged.get(year) ?? 0) + newMoney, 100_000));
      const adjustTo = year === adjustYear ? round(amount * 1.05, 100_000) : undefined;
      frames.push({ office: code, year, amount, ...(adjustTo ? { adjustTo } : {}) });
      return adjustTo ?? amount;
    };

    // ---- recommendations (R12, R13) and decisions (R9, R12, R18), year by year against the frames
    for (const year of years) {
      const drng = orng.fork(`decisions:${year}`);
      const available = setFrame(year, firstYearRequested(year) * (0.2 + rrng.next() * 0.06));
      const call = calls.find((c) => c.office === code && c.year === year)!;
      const candidates = drng.sample(
        officeAssessments.filter((a) => a.year === year && a.submission !== 'draft' && !a.withdrawal).flatMap((a) => a.measures.map((m) => ({ a, m }))),
        Number.MAX_SAFE_INTEGER,
      );
      const chosen: RecommendedMeasurePlan[] = [];
      for (const { a, m } of candidates) {
        const finalUniversity = m.replacement?.university ?? m.university;
        const universityCommitted = m.answer !== 'none';
        const factor = drng.chance(0.5) ? 1 : 0.8 + drng.next() * 0.15;
        const amounts: AmountPlan[] = [];
        const linesOf = (org: string, lines: LinesPlan) => {
          for (const [y, total] of totalsByYear(lines)) amounts.push({ recipientOrg: org, year: y, amount: round(total * factor, 1000) });
        };
        for (const [org, lines] of Object.entries(a.amendment?.measureKey === m.key ? { ...m.ownerLines, [a.lead]: a.amendment.lines } : m.ownerLines)) linesOf(org, lines);
        if (universityCommitted) for (const l of universityLinesOf(m)) linesOf(finalUniversity, l);
        // Only this year's frame is known now: later years' frames are set to cover what is committed to them.
        const fits = (charged.get(year) ?? 0) + sum(amounts.filter((x) => x.year === year).map((x) => x.amount)) <= available;
        if (!fits) continue;
        for (const x of amounts) charged.set(x.year, (charged.get(x.year) ?? 0) + x.amount);
        chosen.push({
          measure: { assessmentKey: a.key, measureKey: m.key },
          participants: `${m.fields.participants.teachers} lærere, ${m.fields.participants.leaders} skoleledere og ${m.fields.participants.otherStaff} andre ansatte ved ${m.fields.schools.length} skoler`,
          startYear: m.fields.startYear,
          spanYears: m.fields.spanYears,
          criteria: `Forankret i behovsmeldingen; kollektiv, skolebasert kompetanseutvikling (${m.theme.tags[0]}) med UH-partner.`,
          cooperatingOwners: Object.keys(m.ownerLines),
          cooperatingUniversities: [finalUniversity],
          amounts,
        });
      }
      const outcomeDraw = drng.next();
      const outcome: RecommendationPlan['outcome'] = outcomeDraw < 0.07 ? 'no_agreement' : outcomeDraw < 0.25 ? 'vote' : 'consensus';
      const forum = forums.find((f) => f.office === code)!;
      const meeting = forum.meetings.find((mt) => mt.year === year && mt.key.endsWith(':2'))!;
      const present = meeting.present.length;
      const against = outcome === 'vote' ? drng.int(1, Math.max(1, Math.floor((present - 1) / 3))) : 0;
      const rec: RecommendationPlan = {
        office: code,
        year,
        callId: call.callId,
        meetingKey: meeting.key,
        outcome,
        ...(outcome === 'vote' ? { vote: { for: present - against - 1, against, abstain: 1 } } : {}),
        ...(outcome === 'no_agreement' ? { vote: { for: Math.floor(present / 2), against: Math.ceil(present / 2), abstain: 0 } } : {}),
        measures: outcome === 'no_agreement' ? [] : chosen,
        amendWithLast: outcome !== 'no_agreement' && chosen.length >= 3 && drng.chance(0.12),
        note: outcome === 'no_agreement' ? 'Forumet kom ikke til enighet om fordelingen; statsforvalteren avgjør.' : `Forumet prioriterer ${chosen.length} tiltak innenfor rammen.`,
      };
      if (chosen.length > 0 || outcome === 'no_agreement') recommendations.push(rec);

      // Decisions: one grant per recommended measure and recipient (R10: each owner its own money).
      for (const c of chosen) {
        const a = officeAssessments.find((x) => x.key === c.measure.assessmentKey)!;
        const m = a.measures.find((x) => x.key === c.measure.measureKey)!;
        for (const recipientOrg of [...new Set(c.amounts.map((x) => x.recipientOrg))]) {
          const grng = drng.fork(`${a.key}:${m.key}:${recipientOrg}`);
          const recommended = c.amounts.filter((x) => x.recipientOrg === recipientOrg).map((x) => ({ year: x.year, amount: x.amount }));
          const deviates = outcome !== 'no_agreement' && grng.chance(0.05);
          const decided = recommended.map((l, i) => (deviates && i === 0 ? { year: l.year, amount: round(l.amount * 0.85, 1000) } : { ...l }));
          const kind = byOrg.get(recipientOrg)!.kind;
          const input = { key: `${a.key}:${m.key}:${recipientOrg}`, office: code, year, measure: c.measure, recipientOrg, recipientKind: kind, recommended, decided, current, measure_: m, deviates };
          grantInputs.push({ seed: grng.fork('life'), input });
          grants.push(planGrant(grng.fork('life'), input));
        }
      }
    }
    const lastYear = years[years.length - 1];
    for (let y = lastYear + 1; y <= lastYear + 2; y++) setFrame(y, firstYearRequested(lastYear) * 0.2);
    // Even a small run has a report in each office: the first paid grant reports if none does.
    const officeGrants = grants.filter((g) => g.office === code);
    if (!officeGrants.some((g) => g.report)) {
      const i = officeGrants.findIndex((g) => g.payments.length > 0);
      if (i >= 0) {
        const { seed, input } = grantInputs.find((x) => x.input.key === officeGrants[i].key)!;
        grants[grants.indexOf(officeGrants[i])] = planGrant(seed, input, true);
      }
    }
  }
  return { options, years, organisations, frames, calls, forums, assessments, recommendations, grants };
}

function planAssessment(
  rng: Prng,
  key: string,
  office: GovernorOffice,
  year: number,
  call: CallPlan,
  owners: OrgPlan[],
  municipalities: OrgPlan[],
  localUniversities: string[],
  organisations: OrgPlan[],
): AssessmentPlan {
  const lead = rng.chance(0.12) ? rng.pick(owners) : rng.pick(municipalities);
  const coOwners = lead.kind === 'municipality' && municipalities.length > 2 && rng.chance(0.2) ? rng.sample(municipalities.filter((m) => m.orgNumber !== lead.orgNumber), rng.int(1, 3)) : [];
  const north = ['NORDLAND', 'TROMS_FINNMARK', 'TRONDELAG'].includes(office.code);
  const themes = THEMES.filter((t) => (t.only === 'upper_secondary' ? lead.kind === 'county_municipality' : t.only === 'sami' ? north : lead.kind !== 'county_municipality' || rng.chance(0.5)));
  const measureCount = rng.chance(0.62) ? 1 : rng.chance(0.8) ? 2 : 3;
  const chosenThemes = rng.sample(themes, measureCount);
  const universities = organisations.filter((o) => o.kind === 'university').map((o) => o.orgNumber);
  const sami = organisations.find((o) => o.name.startsWith('Samisk høgskole'))?.orgNumber;
  const measures: MeasurePlan[] = chosenThemes.map((theme, i) => {
    const span = rng.chance(0.25) ? 1 : rng.chance(0.6) ? 2 : 3;
    const lineYears = Array.from({ length: span }, (_, k) => year + k);
    const local = localUniversities.length > 0 && rng.chance(0.8);
    const university = theme.only === 'sami' && sami ? sami : local ? rng.pick(localUniversities) : rng.pick(universities);
    const coordinator = rng.chance(0.5);
    const linesByOwner: Record<string, LinesPlan> = {};
    for (const o of [lead, ...coOwners]) {
      linesByOwner[o.orgNumber] = ownerLines(rng, lineYears, rng.kroner(40_000, 380_000, 5000), coordinator, rng.chance(0.03), rng.chance(0.04));
    }
    const answerDraw = rng.next();
    const answer: MeasurePlan['answer'] = answerDraw < 0.06 ? 'decline' : answerDraw < 0.11 ? 'none' : 'commit';
    const declineReason = rng.chance(0.6) ? 'capacity' : 'competence';
    const teachers = rng.int(12, 320);
    const m: MeasurePlan = {
      key: `m${i + 1}`,
      theme,
      fields: {
        title: theme.title,
        description: theme.description,
        targetGroup: theme.targetGroup,
        schools: schoolsFor(rng, lead, rng.int(2, 8)),
        participants: { teachers, leaders: Math.max(1, Math.round(teachers / rng.int(8, 14))), otherStaff: rng.int(0, 40) },
        startYear: year,
        spanYears: span,
      },
      university,
      ownerLines: linesByOwner,
      // Half the universities get their own money line; otherwise the owners pay them out of theirs.
      universityLines: rng.chance(0.5) ? universityLines(rng, lineYears) : null,
      answer,
      commitment: { competenceAreas: theme.areas, capacityHoursPerYear: rng.int(8, 60) * 10, contactRole: rng.pick(CONTACT_ROLES) },
    };
    if (answer === 'decline') {
      m.declineReason = declineReason;
      m.declineExplanation = rng.pick(DECLINE_EXPLANATIONS[declineReason]);
      const other = rng.pick(universities.filter((u) => u !== university));
      m.replacement = { university: other, lines: m.universityLines ? universityLines(rng, lineYears) : null };
    }
    if (answer !== 'none' && rng.chance(0.04)) {
      const subs = organisations.filter((o) => o.kind === 'commercial');
      const s = rng.pick(subs);
      const text = SUBCONTRACTORS.find((x) => x.name === s.name)!;
      m.subcontractor = { orgNumber: s.orgNumber, name: s.name, sharePercent: rng.chance(0.2) ? rng.int(55, 65) : rng.int(10, 40), task: text.task };
    }
    return m;
  });
  const submissionDraw = rng.next();
  const canBeLate = call.extendTo !== null;
  const submission: AssessmentPlan['submission'] = submissionDraw < 0.02 ? 'draft' : canBeLate && submissionDraw < 0.08 ? 'late' : 'on_time';
  const a: AssessmentPlan = {
    key,
    office: office.code,
    year,
    callId: call.callId,
    lead: lead.orgNumber,
    coOwners: coOwners.map((o) => o.orgNumber),
    title: `Behovsmelding ${year} – ${lead.name}${coOwners.length ? ` og nettverk (${coOwners.length + 1} eiere)` : ''}`,
    content: {
      title: `Behovsmelding ${year} – ${lead.name}${coOwners.length ? ` med nettverk` : ''}`,
      summary: rng.pick(SUMMARIES),
      anchoring: {
        staffInvolvement: rng.pick(STAFF_INVOLVEMENT),
        leaderInvolvement: rng.pick(LEADER_INVOLVEMENT),
        universityParticipation: rng.pick(UNIVERSITY_PARTICIPATION),
        plans: rng.sample(PLAN_NAMES, rng.int(1, 2)).map((p) => `${p} ${year - 1}–${year + 2}`),
      },
      themes: { goals: [...new Set(measures.flatMap((m) => m.theme.goals))], tags: [...new Set(measures.flatMap((m) => m.theme.tags))] },
    },
    measures,
    submission,
  };
  if (submission === 'on_time' && rng.chance(0.07)) {
    const m = measures[0];
    const lines = m.ownerLines[lead.orgNumber];
    const raised = { budget: lines.budget.map((b) => (b.category === 'implementation' ? { ...b, amount: round(b.amount * 1.1, 1000) } : b)), coFinancing: lines.coFinancing.map((c) => ({ ...c, amount: ceilTo(c.amount * 1.1, 1000) })) };
    a.amendment = { measureKey: m.key, lines: raised, reason: REASONS.assessmentAmendment };
  }
  if (submission !== 'draft' && rng.chance(0.015)) a.withdrawal = REASONS.withdrawal;
  return a;
}

interface GrantInput {
  key: string;
  office: OfficeCode;
  year: number;
  measure: GrantPlan['measure'];
  recipientOrg: string;
  recipientKind: OrgKind;
  recommended: GrantPlan['recommended'];
  decided: GrantPlan['decided'];
  current: number;
  measure_: MeasurePlan;
  deviates: boolean;
}

/** A grant's life after the decision; `forceReport` makes it report whatever the draw (same draws otherwise). */
function planGrant(rng: Prng, g: GrantInput, forceReport = false): GrantPlan {
  const owner = g.recipientKind !== 'university';
  const plan: GrantPlan = {
    key: g.key,
    office: g.office,
    year: g.year,
    measure: g.measure,
    recipientOrg: g.recipientOrg,
    recipientKind: g.recipientKind,
    recommended: g.recommended,
    decided: g.decided,
    ...(g.deviates ? { deviationReason: REASONS.deviation } : {}),
    accept: false,
    coFinancing: [],
    payments: [],
    approve: false,
    claims: [],
  };
  if (rng.chance(0.01)) {
    plan.revocation = REASONS.revocation;
    return plan;
  }
  let lines = g.decided;
  if (lines.length >= 2 && rng.chance(0.04)) {
    const last = lines[lines.length - 1];
    lines = [...lines.slice(0, -1), { year: last.year, amount: round(last.amount * (0.75 + rng.next() * 0.15), 1000) }];
    plan.amendment = { amounts: lines, reason: REASONS.allocationAmendment };
  }
  plan.accept = rng.chance(0.97);
  if (!plan.accept) return plan;
  // R7: an owner commits at least ceil(30 %) per year, in money, salary or released time; a university none.
  plan.coFinancing = owner
    ? lines.map((l) => {
        const committed = ceilTo(minimumCoFinancing(l.amount) * (1 + rng.next() * 0.3), 1000);
        const money = rng.chance(0.4) ? round(committed * 0.3, 1000) : 0;
        const salary = rng.chance(0.5) ? round((committed - money) / 2, 1000) : 0;
        return { year: l.year, money, salary, releasedTime: committed - money - salary };
      })
    : [];
  // Payments and reports for the current year only: later years are not due yet (R15 would block payments to a
  // recipient whose past report is overdue, and every report of a past year would be late).
  const line = lines.find((l) => l.year === g.current);
  if (!line) return plan;
  if (rng.chance(0.3)) {
    const first = round(line.amount * 0.6, 1000);
    plan.payments.push({ year: line.year, amount: first }, { year: line.year, amount: line.amount - first });
  } else {
    plan.payments.push({ year: line.year, amount: line.amount });
  }
  if (!rng.chance(0.45) && !forceReport) return plan;
  const paid = line.amount;
  const unspent = rng.chance(0.3) ? round(paid * (0.05 + rng.next() * 0.15), 1000) : 0;
  const required = owner ? minimumCoFinancing(line.amount) : 0;
  const shortfall = owner && rng.chance(0.08);
  const documented = owner ? (shortfall ? round(required * (0.7 + rng.next() * 0.2), 1000) : ceilTo(required * (1 + rng.next() * 0.25), 1000)) : 0;
  const p = g.measure_.fields.participants;
  plan.report = {
    year: line.year,
    spent: paid - unspent,
    unspent,
    coFinancingProvided: { money: 0, salary: round(documented / 2, 1000), releasedTime: documented - round(documented / 2, 1000) },
    participants: [
      { role: 'teacher', count: Math.max(1, Math.round(p.teachers * (0.8 + rng.next() * 0.2))) },
      { role: 'school_leader', count: p.leaders },
      ...(p.otherStaff ? [{ role: 'other_staff', count: p.otherStaff }] : []),
    ],
    evaluation: rng.pick(EVALUATIONS),
    ...(owner ? {} : { teacherEducationFeedback: rng.pick(TEACHER_EDUCATION_FEEDBACK) }),
  };
  plan.approve = !shortfall && rng.chance(0.65);
  if (unspent > 0) {
    const draw = rng.next();
    plan.claims.push({ year: line.year, amount: unspent, reason: REASONS.repayment, settle: draw < 0.6 ? unspent : draw < 0.8 ? round(unspent / 2, 1000) || unspent : 0 });
  }
  if (shortfall && rng.chance(0.5)) {
    // R7: the governor may claim back a proportional part of the grant for missing co-financing (R16).
    const missing = required - documented;
    const amount = Math.min(paid - unspent, Math.floor((paid * missing) / required));
    if (amount > 0) plan.claims.push({ year: line.year, amount, reason: `Manglende egenandel: ${missing} kr under minstekravet (R7)`, settle: 0 });
  }
  return plan;
}
