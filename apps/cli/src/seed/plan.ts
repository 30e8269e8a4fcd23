import { GOVERNOR_OFFICES, UNIVERSITIES } from '#libs/reference-data';
import { Prng } from './prng.js';
import {
  SCHEME,
  type AmountPlan,
  type AssessmentPlan,
  type CallPlan,
  type FramePlan,
  type GrantPlan,
  type LinesPlan,
  type RecommendationPlan,
  type RecommendedMeasurePlan,
  type SeedOptions,
  type SeedPlan,
} from './plan.types.js';
import { planOrganisations } from './plan-organisations.js';
import { ceilTo, officeOfUniversity, round, seedYears, sum, totalsByYear, universityLinesOf } from './plan-helpers.js';
import { planAssessment } from './plan-assessment.js';
import { planGrant, type GrantInput } from './plan-grant.js';
import { planYrkesfag } from './plan-yrkesfag.js';
import { planForum } from './plan-forum.js';

/**
 * The seed plan: every organisation, call, needs assessment, partnership answer, forum, recommendation and grant
 * step of the seeded years, decided up front from the seed alone (a pure function of the options). The runner only
 * sends it; ids the service makes (needs assessments, measures, payments, claims) are filled in as answers arrive.
 */

export * from './plan.types.js';
export { planOrganisations } from './plan-organisations.js';
export { minimumCoFinancing, seedYears } from './plan-helpers.js';

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
    // Nothing of an office's plan depends on the other offices: a run with more offices extends the store (seed.ts).
    const lateDecisions = orng.chance(0.12);

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
      calls.push({
        office: code,
        year,
        callId: `${code}-${SCHEME}-${year}`.toLowerCase(),
        title: `Behovsmeldinger ${year} – desentralisert ordning (${office.name})`,
        deadline,
        decisionDate,
        extendTo,
      });
    }

    // ---- the forum (R11): one per office, covering all its counties (plan-forum.ts)
    forums.push(planForum(orng.fork('forum'), { office, current, years, owners, municipalities, localUniversities, byOrg }));

    // ---- needs assessments per year
    const officeAssessments: AssessmentPlan[] = [];
    for (const year of years) {
      const yrng = orng.fork(`assessments:${year}`);
      const call = calls.find((c) => c.office === code && c.year === year)!;
      const count = Math.max(2, Math.round(yrng.int(40, 250) * options.scale));
      const yearAssessments: AssessmentPlan[] = [];
      for (let i = 0; i < count; i++) {
        yearAssessments.push(
          planAssessment(
            yrng.fork(`a${i}`),
            `${code}:${year}:${i + 1}`,
            office,
            year,
            call,
            owners,
            municipalities,
            localUniversities,
            organisations,
          ),
        );
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
          .flatMap((a) =>
            a.measures.flatMap((m) =>
              [...Object.values(m.ownerLines), ...universityLinesOf(m)].flatMap((l) =>
                l.budget.filter((b) => b.year === year).map((b) => b.amount),
              ),
            ),
          ),
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
        officeAssessments
          .filter((a) => a.year === year && a.submission !== 'draft' && !a.withdrawal)
          .flatMap((a) => a.measures.map((m) => ({ a, m }))),
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
        for (const [org, lines] of Object.entries(
          a.amendment?.measureKey === m.key ? { ...m.ownerLines, [a.lead]: a.amendment.lines } : m.ownerLines,
        ))
          linesOf(org, lines);
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
        note:
          outcome === 'no_agreement'
            ? 'Forumet kom ikke til enighet om fordelingen; statsforvalteren avgjør.'
            : `Forumet prioriterer ${chosen.length} tiltak innenfor rammen.`,
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
          const decided = recommended.map((l, i) =>
            deviates && i === 0 ? { year: l.year, amount: round(l.amount * 0.85, 1000) } : { ...l },
          );
          const kind = byOrg.get(recipientOrg)!.kind;
          const input = {
            key: `${a.key}:${m.key}:${recipientOrg}`,
            office: code,
            year,
            measure: c.measure,
            recipientOrg,
            recipientKind: kind,
            recommended,
            decided,
            current,
            measure_: m,
            deviates,
          };
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
  const yrkesfag = planYrkesfag(root.fork('yrkesfag'), years, organisations);
  return { options, years, organisations, frames, calls, forums, assessments, recommendations, grants, yrkesfag };
}
