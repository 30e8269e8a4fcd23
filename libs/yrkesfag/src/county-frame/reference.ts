/** R24 reference data of YRKESFAG: target groups, programme areas, forum categories, provider kinds. */

/** R24: who the money develops. */
export const TARGET_GROUPS = ['vocational_teachers', 'instructors', 'professional_leaders', 'examination_board_members'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  vocational_teachers: 'yrkesfaglærere',
  instructors: 'instruktører i lærebedrifter',
  professional_leaders: 'faglige ledere i lærebedrifter',
  examination_board_members: 'medlemmer av prøvenemnder',
};

/** Vocational education programmes (utdanningsprogram, LK20), by code. */
export const PROGRAMME_AREAS = {
  BA: 'Bygg- og anleggsteknikk',
  EL: 'Elektro og datateknologi',
  FD: 'Frisør, blomster, interiør og eksponeringsdesign',
  HD: 'Håndverk, design og produktutvikling',
  HO: 'Helse- og oppvekstfag',
  IM: 'Informasjonsteknologi og medieproduksjon',
  NA: 'Naturbruk',
  RM: 'Restaurant- og matfag',
  SR: 'Salg, service og reiseliv',
  TP: 'Teknologi- og industrifag',
} as const;
export type ProgrammeArea = keyof typeof PROGRAMME_AREAS;
export const PROGRAMME_AREA_CODES = Object.keys(PROGRAMME_AREAS) as ProgrammeArea[];

/** R24: the county's own forum: schools, working life, training offices, vocational boards, teacher unions. */
export const FORUM_CATEGORIES = [
  'schools',
  'employer_organisations',
  'employee_organisations',
  'training_offices',
  'vocational_boards',
  'teacher_unions',
  'other_invited',
] as const;
export type ForumCategory = (typeof FORUM_CATEGORIES)[number];

/** R24: needs come from schools and training companies (lærebedrifter). */
export const NEED_SOURCES = ['school', 'training_company'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

/** R24: providers need not be universities (R2 and R3 do not apply). */
export const PROVIDER_KINDS = ['university', 'vocational_college', 'trade_body', 'company', 'county_municipality'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Participants reached per target group. */
export type Participants = Record<TargetGroup, number>;

export const noParticipants = (): Participants => ({
  vocational_teachers: 0,
  instructors: 0,
  professional_leaders: 0,
  examination_board_members: 0,
});

/** R26: the default report deadline is 15 January after the grant year. */
export const defaultReportDeadline = (year: number) => `${year + 1}-01-15`;
