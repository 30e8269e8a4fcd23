import { minimumCoFinancing, type RuleSet, type RuleViolation } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import type { Measure, NeedsAssessmentState } from './needs-assessment.types.js';
import { contentViolations, linesViolations, measureViolations } from './needs-assessment.rules.js';

const blank = (s: string | undefined) => !s || s.trim() === '';

/** Everything a submission (or amendment) needs: R3, R4, R9, R10 and the lines' rules, all reported together. */
export function submissionViolations(s: NeedsAssessmentState, rules: RuleSet, declinedPartners: string[]): RuleViolation[] {
  const v: RuleViolation[] = [];
  const a = s.content.anchoring;
  if (blank(s.content.title)) v.push({ rule: 'content', field: 'title', message: 'a needs assessment has a title' });
  if (blank(s.content.summary)) v.push({ rule: 'R4', field: 'summary', message: 'summarise the local analysis of competence needs' });
  if (blank(a.staffInvolvement)) v.push({ rule: 'R4', field: 'anchoring.staffInvolvement', message: 'state how staff were involved' });
  if (blank(a.leaderInvolvement))
    v.push({ rule: 'R4', field: 'anchoring.leaderInvolvement', message: 'state how school leaders were involved' });
  if (blank(a.universityParticipation))
    v.push({ rule: 'R4', field: 'anchoring.universityParticipation', message: 'state how the university took part in the analysis' });
  if (a.plans.filter((p) => !blank(p)).length === 0)
    v.push({ rule: 'R4', field: 'anchoring.plans', message: "name the owner's plans the assessment rests on" });
  v.push(...contentViolations(s.content));
  if (s.measures.length === 0) v.push({ rule: 'measures', field: 'measures', message: 'a needs assessment has at least one measure' });
  s.measures.forEach((m, i) => {
    const f = `measures[${i}]`;
    v.push(...measureViolations(m, s.year, rules).map((x) => ({ ...x, field: `${f}.${x.field}` })));
    if (rules.universityPartnerRequired && !m.university)
      v.push({ rule: 'R3', field: `${f}.university`, message: 'every measure needs a university partner' });
    if (m.university && declinedPartners.includes(`${m.measureId}:${m.university.org}`)) {
      v.push({ rule: 'R3', field: `${f}.university`, message: `university ${m.university.org} declined: name another university` });
    }
    if (m.schools.filter((x) => !blank(x)).length === 0)
      v.push({ rule: 'measures', field: `${f}.schools`, message: 'name the schools or units the measure covers' });
    const budgetLines = Object.values(m.lines).flatMap((l) => l.budget);
    if (budgetLines.length === 0) v.push({ rule: 'R6', field: `${f}.lines`, message: 'a measure has at least one budget line' });
    for (const [org, lines] of Object.entries(m.lines)) {
      v.push(...linesViolations(m, lines, m.university?.org === org).map((x) => ({ ...x, field: `${f}.lines.${org}.${x.field}` })));
    }
  });
  for (const org of s.coOwners) {
    if (s.confirmations[org] !== s.revision) {
      v.push({ rule: 'R10', field: `network.${org}`, message: `network owner ${org} has not confirmed its part of the current revision` });
    }
  }
  return v;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Warnings that do not refuse but stay visible: R3 partner outside the region, R6 coordinator share, R7 co-financing. */
export function warningsOf(measures: Measure[], rules: RuleSet): Warning[] {
  const w: Warning[] = [];
  measures.forEach((m, i) => {
    const f = `measures[${i}]`;
    if (m.university && !m.university.local) {
      w.push({
        rule: 'R3',
        field: `${f}.university`,
        message: `university ${m.university.org} is outside the region: the local university comes first`,
      });
    }
    const all = Object.values(m.lines).flatMap((l) => l.budget);
    const total = sum(all.map((l) => l.amount));
    const coordinator = sum(all.filter((l) => l.category === 'coordinator').map((l) => l.amount));
    if (total > 0 && coordinator * 100 > rules.coordinatorWarnPercent * total) {
      w.push({
        rule: 'R6',
        field: `${f}.lines`,
        message: `the coordinator role is ${coordinator} of ${total} kroner, above ${rules.coordinatorWarnPercent} %`,
      });
    }
    if (rules.coFinancingPercent > 0) {
      for (const [org, lines] of Object.entries(m.lines)) {
        if (m.university?.org === org || m.replacedUniversities.some((u) => u.org === org)) continue;
        for (const year of [...new Set(lines.budget.map((l) => l.year))].sort()) {
          const requested = sum(lines.budget.filter((l) => l.year === year).map((l) => l.amount));
          const planned = sum(lines.coFinancing.filter((l) => l.year === year).map((l) => l.amount));
          const minimum = minimumCoFinancing(requested, rules.coFinancingPercent);
          if (planned < minimum) {
            w.push({
              rule: 'R7',
              field: `${f}.lines.${org}.coFinancing`,
              message: `${org} plans ${planned} kroner of co-financing in ${year}; the minimum for ${requested} requested is ${minimum}`,
            });
          }
        }
      }
    }
  });
  return w;
}
