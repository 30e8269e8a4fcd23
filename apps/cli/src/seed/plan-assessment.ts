import type { GovernorOffice } from '#libs/reference-data';
import { Prng } from './prng.js';
import type { AssessmentPlan, CallPlan, LinesPlan, MeasurePlan, OrgPlan } from './plan.types.js';
import {
  CONTACT_ROLES,
  DECLINE_EXPLANATIONS,
  LEADER_INVOLVEMENT,
  PLAN_NAMES,
  REASONS,
  STAFF_INVOLVEMENT,
  SUBCONTRACTORS,
  SUMMARIES,
  THEMES,
  UNIVERSITY_PARTICIPATION,
} from './texts.js';
import { ceilTo, ownerLines, round, schoolsFor, universityLines } from './plan-helpers.js';

export function planAssessment(
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
  const coOwners =
    lead.kind === 'municipality' && municipalities.length > 2 && rng.chance(0.2)
      ? rng.sample(
          municipalities.filter((m) => m.orgNumber !== lead.orgNumber),
          rng.int(1, 3),
        )
      : [];
  const north = ['NORDLAND', 'TROMS_FINNMARK', 'TRONDELAG'].includes(office.code);
  const themes = THEMES.filter((t) =>
    t.only === 'upper_secondary'
      ? lead.kind === 'county_municipality'
      : t.only === 'sami'
        ? north
        : lead.kind !== 'county_municipality' || rng.chance(0.5),
  );
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
      linesByOwner[o.orgNumber] = ownerLines(
        rng,
        lineYears,
        rng.kroner(40_000, 380_000, 5000),
        coordinator,
        rng.chance(0.03),
        rng.chance(0.04),
      );
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
      m.subcontractor = {
        orgNumber: s.orgNumber,
        name: s.name,
        sharePercent: rng.chance(0.2) ? rng.int(55, 65) : rng.int(10, 40),
        task: text.task,
      };
    }
    return m;
  });
  const submissionDraw = rng.next();
  const canBeLate = call.extendTo !== null;
  const submission: AssessmentPlan['submission'] =
    submissionDraw < 0.02 ? 'draft' : canBeLate && submissionDraw < 0.08 ? 'late' : 'on_time';
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
    const raised = {
      budget: lines.budget.map((b) => (b.category === 'implementation' ? { ...b, amount: round(b.amount * 1.1, 1000) } : b)),
      coFinancing: lines.coFinancing.map((c) => ({ ...c, amount: ceilTo(c.amount * 1.1, 1000) })),
    };
    a.amendment = { measureKey: m.key, lines: raised, reason: REASONS.assessmentAmendment };
  }
  if (submission !== 'draft' && rng.chance(0.015)) a.withdrawal = REASONS.withdrawal;
  return a;
}
