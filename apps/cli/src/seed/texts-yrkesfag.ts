import type { ProviderKind, TargetGroup } from '#libs/yrkesfag';

/**
 * Norwegian text for the YRKESFAG part of the seed (R24): the county's forum, needs from schools and training
 * companies, measures by provider kind, meetings, evaluations and reasons. Plain data; the plan picks from it
 * with its seeded PRNG. `{county}` is the county's name, `{area}` a programme area's name.
 */

/** Inhabitants (thousands, 1 January 2024, rounded): sizes the county's frame. Oslo: Oslo kommune holds the county's duties. */
export const COUNTY_INHABITANTS: Record<string, number> = {
  '03': 717,
  '11': 500,
  '15': 270,
  '18': 243,
  '31': 305,
  '32': 725,
  '33': 270,
  '34': 373,
  '39': 256,
  '40': 177,
  '42': 318,
  '46': 650,
  '50': 478,
  '55': 169,
  '56': 75,
};

/** The county's forum (R24), by category: names, of which the plan takes one or two per category. */
export const FORUM_MEMBERS = {
  employer_organisations: ['NHO {county}', 'Virke {county}', 'KS {county}'],
  employee_organisations: ['LO {county}', 'Fellesforbundet {county}', 'Fagforbundet {county}'],
  training_offices: [
    'Opplæringskontoret for elektrofag i {county}',
    'Opplæringskontoret for bygg- og anleggsfag i {county}',
    'Opplæringskontoret for helse- og oppvekstfag i {county}',
    'Opplæringskontoret for industrifag i {county}',
  ],
  vocational_boards: ['Yrkesopplæringsnemnda i {county}'],
  teacher_unions: ['Utdanningsforbundet {county}', 'Skolenes landsforbund {county}', 'Fellesorganisasjonen {county}'],
  other_invited: ['NAV {county}', 'Elev- og lærlingombudet i {county}'],
} as const;

/** Training companies (lærebedrifter): `{stem}` from SCHOOL_STEMS. */
export const TRAINING_COMPANIES = [
  '{stem} Elektro AS',
  '{stem} Bygg AS',
  '{stem} Mekaniske Verksted AS',
  '{stem} helse- og omsorgssenter',
  '{stem} Rør AS',
  '{stem} Bilsenter AS',
  '{stem} Hotell og Restaurant AS',
  '{stem} Maskin AS',
];

/** Needs, by source: `{area}` is a programme area. */
export const NEEDS = {
  school: [
    'Yrkesfaglærerne i {area} trenger oppdatert kompetanse på nytt utstyr og nye arbeidsmetoder i bransjen.',
    'Lærerne i {area} ønsker hospitering i arbeidslivet for å knytte opplæringen tettere til bedriftene.',
    'Skolen ser behov for felles vurderingspraksis i {area} mellom skole og lærebedrift.',
  ],
  training_company: [
    'Instruktørene i {area} etterspør opplæring i veiledning og vurdering av lærlinger.',
    'Faglige ledere i {area} trenger kunnskap om læreplanene (LK20) og bedriftens ansvar for opplæringen.',
    'Nye instruktører i {area} mangler erfaring med oppfølging av lærlinger med behov for ekstra støtte.',
  ],
} as const;

/** Measures by provider kind: titles with the target groups they reach (R24), and the provider's names. */
export const MEASURES = {
  university: {
    titles: [
      { title: 'Yrkesdidaktikk i {area} for yrkesfaglærere', targets: ['vocational_teachers'] },
      { title: 'Profesjonsfellesskap på tvers av skole og bedrift ({area})', targets: ['vocational_teachers', 'instructors'] },
    ],
  },
  vocational_college: {
    titles: [
      { title: 'Veilederkurs for instruktører i {area}', targets: ['instructors'] },
      { title: 'Oppdatering i ny teknologi for yrkesfaglærere i {area}', targets: ['vocational_teachers'] },
    ],
    providers: ['Fagskolen i {county}'],
  },
  trade_body: {
    titles: [
      { title: 'Kurs for prøvenemndsmedlemmer i {area}', targets: ['examination_board_members'] },
      { title: 'Felles forståelse av fag- og svenneprøven i {area}', targets: ['examination_board_members', 'instructors'] },
    ],
    providers: ['Norsk Industri, avdeling {county}', 'Elektroforeningen (EFO) {county}', 'Byggenæringens Landsforening {county}'],
  },
  company: {
    titles: [
      { title: 'Hospitering og kompetansedeling i bedrift ({area})', targets: ['vocational_teachers'] },
      { title: 'Digital opplæring for faglige ledere ({area})', targets: ['professional_leaders'] },
    ],
  },
  county_municipality: {
    titles: [
      { title: 'Nettverk for faglige ledere i lærebedrifter', targets: ['professional_leaders'] },
      { title: 'Samling for prøvenemnder og instruktører i {area}', targets: ['examination_board_members', 'instructors'] },
    ],
  },
} satisfies Record<ProviderKind, { titles: Array<{ title: string; targets: TargetGroup[] }>; providers?: string[] }>;

/** Companies that provide courses (providers of kind company): `{stem}` from SCHOOL_STEMS. */
export const COURSE_COMPANIES = ['{stem} Kompetanse AS', '{stem} Kurs og Utvikling AS', 'Fagkraft {stem} AS'];

export const YRKESFAG_MEETINGS = [
  {
    agenda: ['Behov fra skoler og lærebedrifter {year}', 'Status for tiltak i gang', 'Eventuelt'],
    minutesSummary: 'Sekretariatet i fylkeskommunen la fram behovene. Forumet drøftet hvilke målgrupper som skal prioriteres.',
  },
  {
    agenda: ['Plan for kompetanseutvikling i yrkesfag {year}', 'Fordeling av rammen på tiltak', 'Rapportering til Udir'],
    minutesSummary: 'Forumet sluttet seg til planen og prioriteringen av tiltakene innenfor rammen.',
  },
];

export const YRKESFAG_EVALUATIONS = [
  'Tiltakene nådde mange instruktører og faglige ledere; samarbeidet mellom skole og lærebedrift er styrket. Prøvenemndene ønsker mer felles kalibrering neste år.',
  'Yrkesfaglærerne melder at hospiteringen ga ny innsikt i bransjen. Færre instruktører enn planlagt deltok; vi flytter samlingene til ettermiddagstid.',
  'Veilederkurset ble godt mottatt og lærebedriftene etterspør en videreføring. Vi ser behov for mer innsats i helse- og oppvekstfag.',
];

export const YRKESFAG_REASONS = {
  frameAdjustment: 'Revidert nasjonalbudsjett: økt ramme til yrkesfagordningen',
  memberLeft: 'Organisasjonen har oppnevnt en ny representant',
  deadlineExtension: 'Fylkeskommunen har byttet regnskapssystem; årsregnskapet avsluttes senere enn vanlig',
  repayment: 'Ubrukte midler etter rapporten for {year}',
};
