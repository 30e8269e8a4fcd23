import { RECIPIENT_KINDS, SCHOOL_OWNER_KINDS, type MeasureInfo, type RuleViolation } from '#libs/kernel';
import {
  isGiven,
  isKroner,
  isText,
  isYear,
  type AmountInput,
  type MeasureInput,
  type RecommendationFacts,
  type RecommendedAmount,
  type RecommendedMeasure,
} from './content.js';

export interface MeasureContext {
  callId: string;
  office: string;
  facts: RecommendationFacts;
  /** Measure ids named so far (R13: a measure once). */
  seenMeasures: Set<string>;
}

/** R13: every part of a measure is present; every missing one is named. */
function checkParts(v: RuleViolation[], m: MeasureInput, at: string, facts: RecommendationFacts) {
  if (!isText(m.measureId)) v.push({ rule: 'R13', field: `${at}.measureId`, message: 'name the measure' });
  if (!isText(m.participants)) v.push({ rule: 'R13', field: `${at}.participants`, message: 'state who takes part' });
  if (!isGiven(m.startYear)) v.push({ rule: 'R13', field: `${at}.startYear`, message: 'state the first school year (duration)' });
  if (!isGiven(m.spanYears)) v.push({ rule: 'R13', field: `${at}.spanYears`, message: 'state the number of school years (duration)' });
  if (!isText(m.criteria)) v.push({ rule: 'R13', field: `${at}.criteria`, message: 'state how the measure meets the criteria' });
  if (!m.cooperatingOwners?.length)
    v.push({ rule: 'R13', field: `${at}.cooperatingOwners`, message: 'name the school owners that work together in the measure' });
  if (!m.cooperatingUniversities?.length && facts.universityPartnerRequired)
    v.push({
      rule: 'R13',
      field: `${at}.cooperatingUniversities`,
      message: 'name the universities that work together with the owners (R3)',
    });
  if (!m.amounts?.length) v.push({ rule: 'R13', field: `${at}.amounts`, message: 'state the money per recipient and year' });
  (m.amounts ?? []).forEach((a, j) => {
    if (!isText(a.recipientOrg)) v.push({ rule: 'R13', field: `${at}.amounts[${j}].recipientOrg`, message: 'name the recipient' });
    if (!isGiven(a.year)) v.push({ rule: 'R13', field: `${at}.amounts[${j}].year`, message: 'state the year' });
    if (!isGiven(a.amount)) v.push({ rule: 'R13', field: `${at}.amounts[${j}].amount`, message: 'state the amount in whole kroner' });
  });
}

/** R13: the measure is a submitted one of this call and office in a needs assessment (when a catalog answered). */
function catalogued(v: RuleViolation[], m: MeasureInput, at: string, ctx: MeasureContext): MeasureInfo | undefined {
  const { facts, callId, office } = ctx;
  if (!isText(m.measureId) || !facts.measures) return undefined;
  const found = facts.measures[m.measureId] ?? undefined;
  if (!found) v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} is not in any needs assessment` });
  else if (found.callId !== callId)
    v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} belongs to call ${found.callId}, not ${callId}` });
  else if (found.office !== office)
    v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} belongs to governor office ${found.office}` });
  else if (found.status !== 'submitted')
    v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} is ${found.status}, not submitted` });
  return found;
}

/** R19/R13/R3: the cooperating owners are registered school owners, the universities registered universities. */
function checkCooperating(v: RuleViolation[], m: MeasureInput, at: string, facts: RecommendationFacts) {
  (m.cooperatingOwners ?? []).forEach((o, j) => {
    const org = facts.organisations[o];
    if (!org) v.push({ rule: 'R19', field: `${at}.cooperatingOwners[${j}]`, message: `organisation ${o} is not registered` });
    else if (!SCHOOL_OWNER_KINDS.includes(org.kind))
      v.push({ rule: 'R13', field: `${at}.cooperatingOwners[${j}]`, message: `${o} is a ${org.kind}, not a school owner` });
  });
  (m.cooperatingUniversities ?? []).forEach((u, j) => {
    const org = facts.organisations[u];
    if (!org) v.push({ rule: 'R19', field: `${at}.cooperatingUniversities[${j}]`, message: `organisation ${u} is not registered` });
    else if (org.kind !== 'university')
      v.push({ rule: 'R3', field: `${at}.cooperatingUniversities[${j}]`, message: `${u} is a ${org.kind}, not a university` });
  });
}

interface AmountContext {
  ctx: MeasureContext;
  measure: MeasureInput;
  /** The span, when startYear and spanYears are valid. */
  span: { from: number; to: number } | null;
  catalogued: MeasureInfo | undefined;
  seenLines: Set<string>;
}

/** R1/R2: the recipient receives grant money and, if a school owner, is of the office; R13: a party of the measure. */
function checkRecipient(v: RuleViolation[], a: AmountInput & { recipientOrg: string }, af: string, c: AmountContext) {
  const { office, facts } = c.ctx;
  const org = facts.organisations[a.recipientOrg];
  if (!org) v.push({ rule: 'R1', field: `${af}.recipientOrg`, message: `recipient ${a.recipientOrg} is not a registered organisation` });
  else if (org.kind === 'commercial')
    v.push({
      rule: 'R2',
      field: `${af}.recipientOrg`,
      message: `${a.recipientOrg} is a commercial actor and never receives grant money (it may only be a subcontractor under a university's line)`,
    });
  else if (!RECIPIENT_KINDS.includes(org.kind))
    v.push({
      rule: 'R1',
      field: `${af}.recipientOrg`,
      message: `${a.recipientOrg} is a ${org.kind}: only school owners and universities receive grant money`,
    });
  else if (org.kind !== 'university' && org.office !== office)
    v.push({
      rule: 'R1',
      field: `${af}.recipientOrg`,
      message: `school owner ${a.recipientOrg} belongs to governor office ${org.office ?? 'none'}, not ${office}`,
    });
  if (c.catalogued && org) {
    const parties = new Set([
      ...c.catalogued.owners,
      ...c.catalogued.universities.filter((u) => u.status !== 'declined').map((u) => u.org),
    ]);
    if (!parties.has(a.recipientOrg))
      v.push({
        rule: 'R13',
        field: `${af}.recipientOrg`,
        message: `${a.recipientOrg} is neither an owner nor a university partner of measure ${c.measure.measureId}`,
      });
  }
  if (isYear(a.year)) {
    const key = `${a.recipientOrg}/${a.year}`;
    if (c.seenLines.has(key)) v.push({ rule: 'R13', field: af, message: `${a.recipientOrg} has two amounts for ${a.year}` });
    c.seenLines.add(key);
  }
}

/** One money line: whole kroner (R13), a year within the measure's span (R9), an eligible recipient. */
function checkAmount(v: RuleViolation[], a: AmountInput, af: string, c: AmountContext): RecommendedAmount | null {
  if (isGiven(a.amount) && !isKroner(a.amount))
    v.push({ rule: 'R13', field: `${af}.amount`, message: 'money is whole, non-negative kroner' });
  if (isGiven(a.year)) {
    if (!isYear(a.year)) v.push({ rule: 'R9', field: `${af}.year`, message: 'year must be a year' });
    else if (c.span && (a.year < c.span.from || a.year > c.span.to))
      v.push({ rule: 'R9', field: `${af}.year`, message: `${a.year} is outside the measure's span ${c.span.from}–${c.span.to}` });
  }
  if (isText(a.recipientOrg)) checkRecipient(v, { ...a, recipientOrg: a.recipientOrg }, af, c);
  return isText(a.recipientOrg) && isYear(a.year) && isKroner(a.amount)
    ? { recipientOrg: a.recipientOrg, year: a.year, amount: a.amount }
    : null;
}

/** One prioritised measure (R13, R9, R1–R3, R19): the measure as recommended, or null when a part is unusable. */
export function validateMeasure(v: RuleViolation[], m: MeasureInput, i: number, ctx: MeasureContext): RecommendedMeasure | null {
  const at = `measures[${i}]`;
  const { facts } = ctx;
  checkParts(v, m, at, facts);
  if (isText(m.measureId)) {
    if (ctx.seenMeasures.has(m.measureId))
      v.push({ rule: 'R13', field: `${at}.measureId`, message: `measure ${m.measureId} is named twice` });
    ctx.seenMeasures.add(m.measureId);
  }
  const spanOk = isGiven(m.spanYears) && Number.isSafeInteger(m.spanYears) && m.spanYears >= 1 && m.spanYears <= facts.maxSpanYears;
  if (isGiven(m.spanYears) && !spanOk)
    v.push({ rule: 'R9', field: `${at}.spanYears`, message: `a measure spans 1 to ${facts.maxSpanYears} school years` });
  const startOk = isYear(m.startYear);
  if (isGiven(m.startYear) && !startOk) v.push({ rule: 'R9', field: `${at}.startYear`, message: 'startYear must be a year' });
  const found = catalogued(v, m, at, ctx);
  checkCooperating(v, m, at, facts);
  const span = startOk && spanOk ? { from: m.startYear!, to: m.startYear! + m.spanYears! - 1 } : null;
  const amountContext: AmountContext = { ctx, measure: m, span, catalogued: found, seenLines: new Set() };
  const amounts = (m.amounts ?? [])
    .map((a, j) => checkAmount(v, a, `${at}.amounts[${j}]`, amountContext))
    .filter((a): a is RecommendedAmount => a !== null);
  if (!(isText(m.measureId) && isText(m.participants) && startOk && spanOk && isText(m.criteria))) return null;
  return {
    priority: i + 1,
    measureId: m.measureId,
    participants: m.participants.trim(),
    startYear: m.startYear!,
    spanYears: m.spanYears!,
    criteria: m.criteria.trim(),
    cooperatingOwners: [...(m.cooperatingOwners ?? [])],
    cooperatingUniversities: [...(m.cooperatingUniversities ?? [])],
    amounts,
  };
}
