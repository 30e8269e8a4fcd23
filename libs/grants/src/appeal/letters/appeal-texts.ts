import type { LetterLanguage } from '../../letters/letter-settings/letter-settings.aggregate.js';

/** The words of an appeal's letters (R23) in bokmål and nynorsk. */
export interface AppealTexts {
  title: { reconsidered: string; decided: string };
  intro(lodgedOn: string, letterDate: string, caseNumber: string, title: string): string;
  late(deadline: string, office: string, reason: string): string;
  outcome: Record<'reversed' | 'partly_reversed' | 'upheld' | 'dismissed', (office: string, deadline: string) => string>;
  udir: Record<'reversed' | 'partly_reversed' | 'upheld', string>;
  newDecision: string;
  final: string;
  reason(r: string): string;
  reasonsHeading: string;
  columns: [string, string];
  total: string;
}

const UDIR = 'Utdanningsdirektoratet';

export const APPEAL_NB: AppealTexts = {
  title: { reconsidered: 'Svar på klage', decided: 'Vedtak i klagesak' },
  intro: (l, d, c, t) => `Vi viser til klagen deres av ${l} på vedtaket av ${d} (saksnummer ${c}) om tilskudd til tiltaket «${t}».`,
  late: (d, o, r) => `Klagen kom inn etter klagefristen ${d}. ${o} har likevel behandlet den: ${r}`,
  outcome: {
    reversed: (o) => `${o} har vurdert saken på nytt og tar klagen til følge. Vedtaket er endret, og tilskuddet er nå:`,
    partly_reversed: (o) => `${o} har vurdert saken på nytt og tar klagen delvis til følge. Vedtaket er endret, og tilskuddet er nå:`,
    upheld: (o) =>
      `${o} har vurdert saken på nytt, men finner ikke grunn til å endre vedtaket. Klagen er derfor sendt til ${UDIR} (Udir), som er klageinstans, for endelig avgjørelse.`,
    dismissed: (o, d) => `Klagen kom inn etter klagefristen ${d}, og ${o} avviser den (forvaltningsloven § 31).`,
  },
  udir: {
    upheld: `${UDIR} har behandlet klagen og opprettholder vedtaket.`,
    reversed: `${UDIR} har behandlet klagen og tar den til følge. Vedtaket er endret, og tilskuddet er nå:`,
    partly_reversed: `${UDIR} har behandlet klagen og tar den delvis til følge. Vedtaket er endret, og tilskuddet er nå:`,
  },
  newDecision: 'Det endrede vedtaket sendes også i eget vedtaksbrev med klagerett.',
  final: `${UDIR}s vedtak i klagesaken er endelig og kan ikke påklages (forvaltningsloven § 28 tredje ledd).`,
  reason: (r) => `Begrunnelse: ${r}`,
  reasonsHeading: 'Begrunnelse',
  columns: ['År', 'Tilskudd'],
  total: 'Sum',
};

export const APPEAL_NN: AppealTexts = {
  title: { reconsidered: 'Svar på klage', decided: 'Vedtak i klagesak' },
  intro: (l, d, c, t) => `Vi viser til klaga dykkar av ${l} på vedtaket av ${d} (saksnummer ${c}) om tilskot til tiltaket «${t}».`,
  late: (d, o, r) => `Klaga kom inn etter klagefristen ${d}. ${o} har likevel handsama ho: ${r}`,
  outcome: {
    reversed: (o) => `${o} har vurdert saka på nytt og tek klaga til følgje. Vedtaket er endra, og tilskotet er no:`,
    partly_reversed: (o) => `${o} har vurdert saka på nytt og tek klaga delvis til følgje. Vedtaket er endra, og tilskotet er no:`,
    upheld: (o) =>
      `${o} har vurdert saka på nytt, men finn ikkje grunn til å endre vedtaket. Klaga er difor send til ${UDIR} (Udir), som er klageinstans, for endeleg avgjerd.`,
    dismissed: (o, d) => `Klaga kom inn etter klagefristen ${d}, og ${o} avviser ho (forvaltningslova § 31).`,
  },
  udir: {
    upheld: `${UDIR} har handsama klaga og held fast på vedtaket.`,
    reversed: `${UDIR} har handsama klaga og tek ho til følgje. Vedtaket er endra, og tilskotet er no:`,
    partly_reversed: `${UDIR} har handsama klaga og tek ho delvis til følgje. Vedtaket er endra, og tilskotet er no:`,
  },
  newDecision: 'Det endra vedtaket vert òg sendt i eige vedtaksbrev med klagerett.',
  final: `Vedtaket til ${UDIR} i klagesaka er endeleg og kan ikkje klagast på (forvaltningslova § 28 tredje ledd).`,
  reason: (r) => `Grunngjeving: ${r}`,
  reasonsHeading: 'Grunngjeving',
  columns: ['År', 'Tilskot'],
  total: 'Sum',
};

export const appealTextsFor = (language: LetterLanguage) => (language === 'nn' ? APPEAL_NN : APPEAL_NB);
