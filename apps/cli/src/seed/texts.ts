/**
 * Norwegian text for the seed: measure themes, school names, anchoring, evaluations, reasons. Plain data; the plan
 * picks from it with its seeded PRNG.
 */

export interface Theme {
  title: string;
  description: string;
  targetGroup: string;
  /** National goals (NATIONAL_GOALS of the needs-assessment capability). */
  goals: Array<'learning_environment' | 'basic_skills' | 'completion'>;
  tags: string[];
  /** Competence areas a university commits with. */
  areas: string[];
  /** Only for county municipalities (upper secondary), or only in the north (Sami). */
  only?: 'upper_secondary' | 'sami';
}

export const THEMES: readonly Theme[] = [
  {
    title: 'Lesing i alle fag',
    description: 'Skolebasert utvikling av lesing som grunnleggende ferdighet på tvers av fag, med lesestrategier i fagundervisningen.',
    targetGroup: 'lærere 1.–10. trinn',
    goals: ['basic_skills'],
    tags: ['lesing', 'grunnleggende ferdigheter'],
    areas: ['lesing', 'fagdidaktikk'],
  },
  {
    title: 'Vurdering for læring',
    description: 'Felles praksis for underveisvurdering og elevmedvirkning i vurderingsarbeidet, forankret i profesjonsfellesskapet.',
    targetGroup: 'lærere og skoleledere',
    goals: ['basic_skills', 'completion'],
    tags: ['vurdering', 'elevmedvirkning'],
    areas: ['vurdering', 'skoleutvikling'],
  },
  {
    title: 'Inkluderende læringsmiljø',
    description: 'Arbeid med et trygt og godt skolemiljø (kap. 9 A), relasjonsbygging og forebygging av mobbing.',
    targetGroup: 'alle ansatte i skolen',
    goals: ['learning_environment'],
    tags: ['læringsmiljø', 'skolemiljø', 'mobbing'],
    areas: ['læringsmiljø', 'pedagogikk'],
  },
  {
    title: 'Dybdelæring i fagfornyelsen',
    description: 'Utprøving av undervisning som gir dybdelæring og sammenheng mellom fag i tråd med læreplanverket (LK20).',
    targetGroup: 'lærere 5.–10. trinn',
    goals: ['basic_skills'],
    tags: ['fagfornyelsen', 'dybdelæring', 'LK20'],
    areas: ['læreplan', 'fagdidaktikk'],
  },
  {
    title: 'Tidlig innsats i matematikk',
    description: 'Intensiv opplæring og kartlegging i matematikk på de laveste trinnene, med veiledning fra UH.',
    targetGroup: 'lærere 1.–4. trinn',
    goals: ['basic_skills'],
    tags: ['matematikk', 'tidlig innsats'],
    areas: ['matematikkdidaktikk'],
  },
  {
    title: 'Profesjonelle læringsfellesskap',
    description: 'Utvikling av kollektiv kapasitet: lærerteam som undersøker egen praksis med støtte fra skoleleder og UH.',
    targetGroup: 'lærerteam og skoleledere',
    goals: ['learning_environment', 'completion'],
    tags: ['profesjonsfellesskap', 'skoleutvikling'],
    areas: ['skoleutvikling', 'ledelse'],
  },
  {
    title: 'Klasseledelse og relasjoner',
    description: 'Felles forståelse av god klasseledelse og struktur i undervisningen, med observasjon og kollegaveiledning.',
    targetGroup: 'lærere 1.–10. trinn',
    goals: ['learning_environment'],
    tags: ['klasseledelse', 'relasjoner'],
    areas: ['klasseledelse', 'pedagogikk'],
  },
  {
    title: 'Utforskende matematikkundervisning',
    description: 'Matematiske samtaler og problemløsning i klasserommet; lesson study med UH-ansatte.',
    targetGroup: 'matematikklærere 5.–10. trinn',
    goals: ['basic_skills'],
    tags: ['matematikk', 'lesson study'],
    areas: ['matematikkdidaktikk'],
  },
  {
    title: 'Skriving som grunnleggende ferdighet',
    description: 'Skriveopplæring i alle fag med felles vurderingskriterier og skriverammer.',
    targetGroup: 'lærere 3.–10. trinn',
    goals: ['basic_skills'],
    tags: ['skriving', 'grunnleggende ferdigheter'],
    areas: ['skriving', 'norskdidaktikk'],
  },
  {
    title: 'Psykisk helse og livsmestring',
    description: 'Folkehelse og livsmestring som tverrfaglig tema, med samarbeid mellom skole, helsesykepleier og PPT.',
    targetGroup: 'lærere og miljøpersonale',
    goals: ['learning_environment'],
    tags: ['livsmestring', 'psykisk helse'],
    areas: ['helsefremmende arbeid', 'pedagogikk'],
  },
  {
    title: 'Språkmangfold og flerspråklige elever',
    description: 'Tilpasset opplæring for flerspråklige elever og bruk av elevenes språklige ressurser i undervisningen.',
    targetGroup: 'lærere og skoleledere',
    goals: ['basic_skills', 'learning_environment'],
    tags: ['flerspråklighet', 'norsk som andrespråk'],
    areas: ['andrespråksdidaktikk'],
  },
  {
    title: 'Praktisk og variert opplæring',
    description: 'Mer praktisk, utforskende og variert undervisning på ungdomstrinnet for økt motivasjon.',
    targetGroup: 'lærere 8.–10. trinn',
    goals: ['completion', 'learning_environment'],
    tags: ['motivasjon', 'ungdomstrinnet'],
    areas: ['fagdidaktikk', 'pedagogikk'],
  },
  {
    title: 'Spesialpedagogikk og tilpasset opplæring',
    description: 'Styrket allmennpedagogisk kompetanse for tidlig innsats og inkludering, i samarbeid med PPT.',
    targetGroup: 'lærere, assistenter og PPT',
    goals: ['learning_environment', 'completion'],
    tags: ['inkludering', 'tilpasset opplæring', 'PPT'],
    areas: ['spesialpedagogikk'],
  },
  {
    title: 'Digital kompetanse i undervisningen',
    description: 'Profesjonsfaglig digital kompetanse: pedagogisk bruk av digitale verktøy og kildekritikk.',
    targetGroup: 'lærere 1.–10. trinn',
    goals: ['basic_skills'],
    tags: ['digitale ferdigheter', 'programmering'],
    areas: ['digital kompetanse', 'fagdidaktikk'],
  },
  {
    title: 'Ledelse av utviklingsarbeid',
    description: 'Skoleledere og plangrupper leder endringsarbeid; analyse av elevdata og oppfølging av tiltak.',
    targetGroup: 'skoleledere og plangrupper',
    goals: ['completion'],
    tags: ['ledelse', 'skoleutvikling'],
    areas: ['ledelse', 'skoleutvikling'],
  },
  {
    title: 'Overgangen barneskole–ungdomsskole',
    description: 'Felles rutiner og faglig samarbeid mellom barne- og ungdomsskoler for gode overganger.',
    targetGroup: 'lærere 6.–8. trinn',
    goals: ['completion', 'learning_environment'],
    tags: ['overganger'],
    areas: ['skoleutvikling'],
  },
  {
    title: 'Gjennomføring i videregående opplæring',
    description: 'Tiltak for økt gjennomføring: tett oppfølging, fraværsarbeid og samarbeid med OT.',
    targetGroup: 'lærere og rådgivere i videregående skole',
    goals: ['completion'],
    tags: ['gjennomføring', 'frafall'],
    areas: ['gjennomføring', 'rådgivning'],
    only: 'upper_secondary',
  },
  {
    title: 'Vurdering i yrkesfag',
    description: 'Felles vurderingspraksis i yrkesfaglige utdanningsprogram og samarbeid med lærebedrifter.',
    targetGroup: 'yrkesfaglærere',
    goals: ['completion'],
    tags: ['yrkesfag', 'vurdering'],
    areas: ['yrkesfagdidaktikk'],
    only: 'upper_secondary',
  },
  {
    title: 'Samisk språk og kultur i opplæringen',
    description: 'Samisk innhold i alle fag og styrket opplæring i samisk, i samarbeid med Samisk høgskole.',
    targetGroup: 'lærere 1.–10. trinn',
    goals: ['basic_skills', 'learning_environment'],
    tags: ['samisk', 'urfolk'],
    areas: ['samisk språk', 'flerkulturell pedagogikk'],
    only: 'sami',
  },
];

export const SCHOOL_STEMS = [
  'Haugen',
  'Bakken',
  'Lia',
  'Moen',
  'Nordby',
  'Solberg',
  'Vik',
  'Berg',
  'Dalen',
  'Strand',
  'Åsen',
  'Sletta',
  'Fjellheim',
  'Tveit',
  'Holmen',
  'Eikeli',
  'Skogen',
  'Brekke',
  'Furuly',
  'Kvamme',
  'Sandvik',
  'Nesset',
  'Rosenlund',
  'Vestly',
  'Østbyen',
  'Sentrum',
  'Kirkebakken',
  'Hovden',
  'Myrvoll',
  'Engen',
  'Torvet',
  'Lunde',
  'Grønnåsen',
  'Kleiva',
  'Hauge',
  'Steinerud',
];
export const SCHOOL_KINDS = ['skole', 'barneskole', 'ungdomsskole', 'oppvekstsenter', 'skule'];

export const STAFF_INVOLVEMENT = [
  'Alle lærere deltok i ståstedsanalyse og kartlegging på planleggingsdager høsten før.',
  'Behovene ble drøftet i alle lærerteam og på fellesmøter; tillitsvalgte var med i arbeidsgruppen.',
  'Spørreundersøkelse til alle ansatte og gruppeintervjuer på hver skole, oppsummert i personalmøter.',
  'Personalet analyserte resultater fra elevundersøkelsen og nasjonale prøver i profesjonsfellesskap.',
];
export const LEADER_INVOLVEMENT = [
  'Rektorene i kommunen utarbeidet prioriteringene i rektormøtet.',
  'Skoleledere ledet analysen på egen skole og møttes i ledernettverket for å samordne behovene.',
  'Rektorgruppen og skolefaglig ansvarlig prioriterte tiltakene sammen.',
];
export const UNIVERSITY_PARTICIPATION = [
  'UH-partneren deltok i analysearbeidet og i to felles samlinger med skolelederne.',
  'Fagansatte fra UH var med i kartleggingen og bidro med forskningsbasert innsikt i behovene.',
  'UH deltok i arbeidsgruppen som analyserte data og formulerte tiltakene.',
];
export const PLAN_NAMES = [
  'Kompetanseplan for skolene',
  'Kvalitetsplan for grunnskolen',
  'Kommunedelplan oppvekst',
  'Strategi for læringsmiljø',
  'Tilstandsrapport for grunnskolen',
  'Handlingsplan for inkludering',
];
export const SUMMARIES = [
  'Analysen viser behov for å styrke grunnleggende ferdigheter og et inkluderende læringsmiljø.',
  'Resultater fra nasjonale prøver og elevundersøkelsen peker på behov for felles praksis på tvers av skolene.',
  'Skolene ønsker å utvikle profesjonsfellesskapet og vurderingspraksisen, med støtte fra UH.',
  'Kartleggingen viser ulik praksis mellom skolene; tiltakene skal gi en felles retning.',
];

export const CONTACT_ROLES = [
  'faglig leder, førsteamanuensis',
  'prosjektleder, universitetslektor',
  'kontaktperson, dosent',
  'faglig ansvarlig, professor',
];

export const DECLINE_EXPLANATIONS = {
  capacity: [
    'Fagmiljøet er fullt booket i perioden med andre DEKOMP-tiltak.',
    'Vi har ikke kapasitet til flere partnerskap dette skoleåret.',
  ],
  competence: [
    'Vi har ikke fagmiljø innen dette temaet; et annet UH bør være partner.',
    'Temaet ligger utenfor våre fagområder i lærerutdanningen.',
  ],
} as const;

export const EVALUATIONS = [
  'Tiltaket har gitt en felles språk for praksis; de fleste skolene har etablert faste møtepunkter i teamene.',
  'Lærerne melder om økt trygghet i undervisningen. Effekten på elevresultater må følges over tid.',
  'Gjennomført som planlagt på alle skoler unntatt én, der sykefravær forsinket oppstarten.',
  'Kollegaobservasjon er tatt i bruk; skolelederne følger opp med egne utviklingssamtaler.',
  'Samlingene med UH ble godt mottatt; det er behov for mer tid til utprøving mellom samlingene.',
];
export const TEACHER_EDUCATION_FEEDBACK = [
  'Case fra skolene brukes nå i masteremnet i pedagogikk i lærerutdanningen.',
  'Erfaringene er tatt inn i praksisopplæringen og i et nytt emne om skoleutvikling.',
  'Fagansatte har fått forskningsdata fra samarbeidet som brukes i undervisningen på grunnskolelærerutdanningen.',
];

export const SUBCONTRACTORS = [
  { name: 'Læringslaben AS', task: 'Digitale verksteder og veiledningsvideoer' },
  { name: 'Skoleutvikling Nord AS', task: 'Prosessledelse på samlingene' },
  { name: 'Kompetansehuset AS', task: 'Kurs i kartleggingsverktøy' },
];

export const REASONS = {
  deadlineExtension: 'Fristen ble forlenget etter ønske fra flere skoleeiere (sene politiske behandlinger)',
  frameAdjustment: 'Revidert nasjonalbudsjett: økt ramme til ordningen',
  replacement: 'Den lokale UH-partneren takket nei; ny partner med kompetanse på temaet',
  assessmentAmendment: 'Justert budsjett etter behandling i kommunestyret',
  withdrawal: 'Trukket: behovsmeldingen inngår i nettverkets felles melding',
  deviation: 'Redusert første års beløp: tiltaket starter senere enn planlagt',
  allocationAmendment: 'Endret fordeling på år etter søknad fra skoleeier',
  revocation: 'Skoleeier har meldt at tiltaket ikke blir gjennomført',
  repayment: 'Ubrukte midler tilbakebetales etter rapport',
  recommendationAmendment: 'Forumet justerte prioriteringene i nytt møte etter ny informasjon om rammen',
  memberLeft: 'Ny representant etter omorganisering hos organisasjonen',
};
