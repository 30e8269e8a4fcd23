import type { Scheme } from '#libs/kernel';
import type { LetterLanguage } from '../letter-settings/letter-settings.aggregate.js';

/** The words of a letter in one written standard (målform). Amounts and dates come formatted. */
export interface Texts {
  office(name: string): string;
  ourDate: string;
  ourRef: string;
  orgNo: string;
  scheme(s: Scheme): string;
  title: {
    decision: string;
    amendment: string;
    revocation: string;
    repayment_claim: string;
    round: string;
    appeal: string;
    appealDecided: string;
  };
  decisionIntro(office: string, recipient: string, scheme: string, year: number): string;
  roundIntro(office: string, recipient: string, scheme: string, year: number, n: number): string;
  amendmentIntro(office: string, decidedOn: string, caseNumber: string): string;
  revocationIntro(office: string, decidedOn: string, caseNumber: string, title: string, total: string): string;
  claimIntro(office: string, amount: string, year: number | null, caseNumber: string): string;
  columns: { year: string; grant: string; minimum: string; reportDeadline: string; before: string; after: string };
  total: string;
  measure(title: string, caseNumber: string): string;
  coFinancingHeading: string;
  coFinancing(percent: number, total: string): string;
  coFinancingForms: string;
  noCoFinancing: string;
  conditionsHeading: string;
  conditionsReport: string;
  conditionsRepay: string;
  revokedRepay: string;
  claimPay: string;
  reasonsHeading: string;
  basisRecommendation: string;
  basisNoAgreement: string;
  basisNone: string;
  deviation(title: string, parts: string[], reason: string): string;
  deviationPart(year: number, recommended: string, decided: string): string;
  reason(reason: string): string;
  appealHeading: string;
  appeal(office: string, deadline: string): string;
  closing: string;
  approved: string;
}

const SCHEMES_NB: Record<Scheme, string> = {
  DEKOMP: 'desentralisert ordning for kompetanseutvikling i skolen (Dekomp)',
  REKOMP: 'regional ordning for kompetanseutvikling i barnehagen (Rekomp)',
  KOMPLOFT: 'Kompetanseløftet for spesialpedagogikk og inkluderende praksis',
  YRKESFAG: 'kompetanseutvikling i yrkesfag',
};
const SCHEMES_NN: Record<Scheme, string> = {
  DEKOMP: 'desentralisert ordning for kompetanseutvikling i skulen (Dekomp)',
  REKOMP: 'regional ordning for kompetanseutvikling i barnehagen (Rekomp)',
  KOMPLOFT: 'Kompetanseløftet for spesialpedagogikk og inkluderande praksis',
  YRKESFAG: 'kompetanseutvikling i yrkesfag',
};

export const NB: Texts = {
  office: (name) => name,
  ourDate: 'Vår dato',
  ourRef: 'Vår referanse',
  orgNo: 'org.nr.',
  scheme: (s) => SCHEMES_NB[s],
  title: {
    decision: 'Vedtak om tilskudd',
    amendment: 'Vedtak om endring av tilskudd',
    revocation: 'Vedtak om tilbaketrekking av tilskudd',
    repayment_claim: 'Vedtak om krav om tilbakebetaling av tilskudd',
    round: 'Vedtak om tilskudd – alle tiltak',
    appeal: 'Svar på klage',
    appealDecided: 'Utdanningsdirektoratets vedtak i klagesak',
  },
  decisionIntro: (o, r, s, y) => `${o} har vedtatt å gi ${r} tilskudd over ${s} for ${y} til tiltaket nedenfor.`,
  roundIntro: (o, r, s, y, n) =>
    `${o} har vedtatt å gi ${r} tilskudd over ${s} for ${y} til ${n === 1 ? 'tiltaket' : `${n} tiltak`} nedenfor.`,
  amendmentIntro: (o, d, c) => `${o} har endret vedtaket om tilskudd av ${d} (saksnummer ${c}). Tilskuddet er nå:`,
  revocationIntro: (o, d, c, t, total) =>
    `${o} har trukket tilbake vedtaket av ${d} (saksnummer ${c}) om tilskudd på i alt ${total} til tiltaket «${t}».`,
  claimIntro: (o, a, y, c) => `${o} krever ${a} av tilskuddet${y === null ? '' : ` for ${y}`} betalt tilbake (saksnummer ${c}).`,
  columns: { year: 'År', grant: 'Tilskudd', minimum: 'Minste egenandel', reportDeadline: 'Rapportfrist', before: 'Før', after: 'Nå' },
  total: 'Sum',
  measure: (t, c) => `Tiltak: ${t} (saksnummer ${c})`,
  coFinancingHeading: 'Egenandel',
  coFinancing: (p, total) => `Skoleeieren skal selv bidra med minst ${p} prosent av tilskuddet hvert år, i alt minst ${total}.`,
  coFinancingForms:
    'Egenandelen kan gis som penger, lønn eller frikjøpt tid (arbeidstid som frigjøres til kompetanseutvikling), verdsatt i kroner, og i enhver kombinasjon.',
  noCoFinancing: 'Det er ikke krav om egenandel for dette tilskuddet.',
  conditionsHeading: 'Vilkår',
  conditionsReport:
    'Tilskuddsmottakeren skal rapportere om bruken av tilskuddet og egenandelen for hvert år innen rapportfristen i tabellen.',
  conditionsRepay: 'Tilskudd som ikke er brukt, eller som er brukt i strid med vedtaket, skal betales tilbake.',
  revokedRepay: 'Tilskudd som allerede er utbetalt, skal betales tilbake. Kravet kommer i eget vedtak.',
  claimPay: 'Beløpet skal betales innen fristen som står i betalingskravet.',
  reasonsHeading: 'Begrunnelse',
  basisRecommendation: 'Vedtaket bygger på tilrådingen fra samarbeidsforumet.',
  basisNoAgreement: 'Samarbeidsforumet kom ikke fram til en felles tilråding. Statsforvalteren har derfor avgjort saken.',
  basisNone: 'Det foreligger ingen tilråding fra samarbeidsforumet. Statsforvalteren har avgjort saken.',
  deviation: (t, parts, r) =>
    `For tiltaket «${t}» avviker vedtaket fra tilrådingen fra samarbeidsforumet: ${parts.join('; ')}. Begrunnelsen for avviket er: ${r}`,
  deviationPart: (y, rec, dec) => `for ${y} tilrådde forumet ${rec}, vedtaket gir ${dec}`,
  reason: (r) => `Begrunnelse: ${r}`,
  appealHeading: 'Klagerett',
  appeal: (o, d) =>
    `Dette er et enkeltvedtak etter forvaltningsloven. Dere kan klage på vedtaket innen tre uker fra dere mottok dette brevet (forvaltningsloven § 29). Klagen sendes til ${o}. Tar ${o} ikke klagen til følge, sender vi den til Utdanningsdirektoratet (Udir), som er klageinstans. Regnet fra brevets dato er klagefristen ${d}.`,
  closing: 'Med hilsen',
  approved: 'Dokumentet er elektronisk godkjent og har derfor ikke håndskrevne signaturer.',
};

export const NN: Texts = {
  office: (name) => name.replace(/^Statsforvalteren\b/, 'Statsforvaltaren'),
  ourDate: 'Vår dato',
  ourRef: 'Vår referanse',
  orgNo: 'org.nr.',
  scheme: (s) => SCHEMES_NN[s],
  title: {
    decision: 'Vedtak om tilskot',
    amendment: 'Vedtak om endring av tilskot',
    revocation: 'Vedtak om tilbaketrekking av tilskot',
    repayment_claim: 'Vedtak om krav om tilbakebetaling av tilskot',
    round: 'Vedtak om tilskot – alle tiltak',
    appeal: 'Svar på klage',
    appealDecided: 'Utdanningsdirektoratets vedtak i klagesak',
  },
  decisionIntro: (o, r, s, y) => `${o} har vedteke å gje ${r} tilskot over ${s} for ${y} til tiltaket nedanfor.`,
  roundIntro: (o, r, s, y, n) =>
    `${o} har vedteke å gje ${r} tilskot over ${s} for ${y} til ${n === 1 ? 'tiltaket' : `${n} tiltak`} nedanfor.`,
  amendmentIntro: (o, d, c) => `${o} har endra vedtaket om tilskot av ${d} (saksnummer ${c}). Tilskotet er no:`,
  revocationIntro: (o, d, c, t, total) =>
    `${o} har trekt tilbake vedtaket av ${d} (saksnummer ${c}) om tilskot på i alt ${total} til tiltaket «${t}».`,
  claimIntro: (o, a, y, c) => `${o} krev ${a} av tilskotet${y === null ? '' : ` for ${y}`} betalt tilbake (saksnummer ${c}).`,
  columns: { year: 'År', grant: 'Tilskot', minimum: 'Minste eigendel', reportDeadline: 'Rapportfrist', before: 'Før', after: 'No' },
  total: 'Sum',
  measure: (t, c) => `Tiltak: ${t} (saksnummer ${c})`,
  coFinancingHeading: 'Eigendel',
  coFinancing: (p, total) => `Skuleeigaren skal sjølv bidra med minst ${p} prosent av tilskotet kvart år, i alt minst ${total}.`,
  coFinancingForms:
    'Eigendelen kan givast som pengar, løn eller frikjøpt tid (arbeidstid som vert frigjord til kompetanseutvikling), verdsett i kroner, og i kva kombinasjon som helst.',
  noCoFinancing: 'Det er ikkje krav om eigendel for dette tilskotet.',
  conditionsHeading: 'Vilkår',
  conditionsReport: 'Tilskotsmottakaren skal rapportere om bruken av tilskotet og eigendelen for kvart år innan rapportfristen i tabellen.',
  conditionsRepay: 'Tilskot som ikkje er brukt, eller som er brukt i strid med vedtaket, skal betalast tilbake.',
  revokedRepay: 'Tilskot som alt er utbetalt, skal betalast tilbake. Kravet kjem i eige vedtak.',
  claimPay: 'Beløpet skal betalast innan fristen som står i betalingskravet.',
  reasonsHeading: 'Grunngjeving',
  basisRecommendation: 'Vedtaket byggjer på tilrådinga frå samarbeidsforumet.',
  basisNoAgreement: 'Samarbeidsforumet kom ikkje fram til ei felles tilråding. Statsforvaltaren har difor avgjort saka.',
  basisNone: 'Det ligg ikkje føre noka tilråding frå samarbeidsforumet. Statsforvaltaren har avgjort saka.',
  deviation: (t, parts, r) =>
    `For tiltaket «${t}» vik vedtaket av frå tilrådinga frå samarbeidsforumet: ${parts.join('; ')}. Grunngjevinga for avviket er: ${r}`,
  deviationPart: (y, rec, dec) => `for ${y} tilrådde forumet ${rec}, vedtaket gjev ${dec}`,
  reason: (r) => `Grunngjeving: ${r}`,
  appealHeading: 'Klagerett',
  appeal: (o, d) =>
    `Dette er eit enkeltvedtak etter forvaltningslova. De kan klage på vedtaket innan tre veker frå de fekk dette brevet (forvaltningslova § 29). Klaga skal sendast til ${o}. Tek ${o} ikkje klaga til følgje, sender vi ho til Utdanningsdirektoratet (Udir), som er klageinstans. Rekna frå datoen på brevet er klagefristen ${d}.`,
  closing: 'Med helsing',
  approved: 'Dokumentet er elektronisk godkjent og har difor ikkje handskrivne signaturar.',
};

export const textsFor = (language: LetterLanguage): Texts => (language === 'nn' ? NN : NB);
