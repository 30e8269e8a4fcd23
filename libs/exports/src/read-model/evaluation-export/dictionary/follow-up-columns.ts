import type { Column } from '../columns.js';

const REPORT = ['GrantReportSubmitted'];
const APPEAL = ['AppealLodged', 'AppealReconsidered', 'AppealForwarded', 'AppealDecided'];
const YRKESFAG = ['YrkesfagMeasureRecorded'];

/** The follow-up: the report (rapport), repayment (tilbakebetaling), appeals (klage) and YRKESFAG providers. */
export const FOLLOW_UP_COLUMNS: readonly Column[] = [
  {
    key: 'reportStatus',
    kind: 'text',
    label: 'Status rapport',
    meaning: 'Om rapporten for året er ventet, levert eller godkjent (due, submitted, approved).',
    events: ['AllocationDecided', 'GrantReportSubmitted', 'GrantReportApproved'],
  },
  {
    key: 'reportDeadline',
    kind: 'date',
    label: 'Rapportfrist',
    meaning: 'Fristen for rapporten om året.',
    events: ['AllocationDecided', 'AllocationAmended', 'GrantReportSubmitted'],
  },
  { key: 'reportSubmittedOn', kind: 'date', label: 'Rapport levert', meaning: 'Datoen rapporten ble levert.', events: REPORT },
  { key: 'reportLate', kind: 'boolean', label: 'Rapport for sent', meaning: 'Om rapporten kom etter fristen.', events: REPORT },
  {
    key: 'reportApprovedOn',
    kind: 'date',
    label: 'Rapport godkjent',
    meaning: 'Datoen statsforvalteren godkjente rapporten.',
    events: ['GrantReportApproved'],
  },
  { key: 'spent', kind: 'kroner', label: 'Brukt', meaning: 'Hvor mye av tilskuddet mottakeren rapporterte brukt.', events: REPORT },
  { key: 'unspent', kind: 'kroner', label: 'Ubrukt', meaning: 'Hvor mye av tilskuddet mottakeren rapporterte ubrukt.', events: REPORT },
  {
    key: 'coFinancingDocumented',
    kind: 'kroner',
    label: 'Dokumentert egenandel',
    meaning: 'Egenandelen rapporten dokumenterer: penger, lønn og frikjøpt tid til sammen.',
    events: REPORT,
  },
  {
    key: 'coFinancingSalaryOrTime',
    kind: 'kroner',
    label: 'Herav lønn og frikjøpt tid',
    meaning: 'Den delen av dokumentert egenandel som er lønn eller frikjøpt tid.',
    events: REPORT,
  },
  {
    key: 'reportedParticipants',
    kind: 'text',
    label: 'Rapporterte deltakere',
    meaning: 'Deltakere per rolle slik rapporten oppgir dem (rolle:antall, skilt med semikolon).',
    events: REPORT,
  },
  {
    key: 'claimed',
    kind: 'kroner',
    label: 'Krevd tilbakebetalt',
    meaning: 'Beløpet statsforvalteren har krevd tilbakebetalt for året (et krav uten år regnes på første år).',
    events: ['RepaymentClaimed'],
  },
  {
    key: 'repaid',
    kind: 'kroner',
    label: 'Tilbakebetalt',
    meaning: 'Beløpet som er betalt tilbake for året.',
    events: ['RepaymentSettled'],
  },
  {
    key: 'evaluation',
    kind: 'text',
    label: 'Egenvurdering',
    meaning: 'Mottakerens egen vurdering av tiltaket i rapporten.',
    events: REPORT,
  },
  {
    key: 'appeals',
    kind: 'integer',
    label: 'Antall klager',
    meaning: 'Antall klager mottakeren har levert på tiltaket.',
    events: ['AppealLodged'],
  },
  {
    key: 'appealStatus',
    kind: 'text',
    label: 'Status klage',
    meaning: 'Hvor den siste klagen står: levert, oversendt Udir, omgjort, opprettholdt, avvist eller avgjort av Udir.',
    events: APPEAL,
  },
  { key: 'appealLodgedOn', kind: 'date', label: 'Klage levert', meaning: 'Datoen den siste klagen ble levert.', events: ['AppealLodged'] },
  {
    key: 'appealLate',
    kind: 'boolean',
    label: 'Klage for sent',
    meaning: 'Om den siste klagen kom etter klagefristen på tre uker.',
    events: ['AppealLodged'],
  },
  {
    key: 'appealOutcomeOn',
    kind: 'date',
    label: 'Klage avgjort',
    meaning: 'Datoen statsforvalteren omgjorde eller avviste klagen, eller Udir avgjorde den.',
    events: ['AppealReconsidered', 'AppealDecided'],
  },
  {
    key: 'providerKind',
    kind: 'text',
    label: 'Tilbydertype',
    meaning: 'For YRKESFAG: hva slags tilbyder som gjennomfører tiltaket (universitet, fagskole, bransje, bedrift eller fylkeskommune).',
    events: YRKESFAG,
  },
  {
    key: 'providerOrg',
    kind: 'text',
    label: 'Tilbyders org.nr.',
    meaning: 'For YRKESFAG: organisasjonsnummeret til tilbyderen.',
    events: YRKESFAG,
  },
];
