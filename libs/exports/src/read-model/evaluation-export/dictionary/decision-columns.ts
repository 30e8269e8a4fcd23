import type { Column } from '../columns.js';

const RECOMMENDATION = ['RecommendationRecorded', 'RecommendationAmended', 'RecommendationWithdrawn'];
const DECISION = ['AllocationDecided', 'AllocationAmended'];

/** The forum's recommendation (anbefaling), the governor's decision (vedtak), its acceptance and payments. */
export const DECISION_COLUMNS: readonly Column[] = [
  {
    key: 'recommended',
    kind: 'kroner',
    label: 'Anbefalt beløp',
    meaning: 'Beløpet samarbeidsforumet anbefalte for mottakeren og året.',
    events: RECOMMENDATION,
  },
  { key: 'recommendationId', kind: 'text', label: 'Anbefaling-ID', meaning: 'Identifikatoren til anbefalingen.', events: RECOMMENDATION },
  {
    key: 'recommendedOn',
    kind: 'date',
    label: 'Anbefalt dato',
    meaning: 'Datoen for forumets møte der anbefalingen ble gitt.',
    events: RECOMMENDATION,
  },
  {
    key: 'grantId',
    kind: 'text',
    label: 'Tilskudd-ID',
    meaning: 'Identifikatoren til tilskuddet (vedtaket).',
    events: ['AllocationDecided'],
  },
  {
    key: 'decisionStatus',
    kind: 'text',
    label: 'Status vedtak',
    meaning: 'Om vedtaket står ved lag eller er trukket tilbake (active, revoked).',
    events: [...DECISION, 'AllocationRevoked'],
  },
  {
    key: 'decisionBasis',
    kind: 'text',
    label: 'Vedtaksgrunnlag',
    meaning: 'Om vedtaket bygger på en anbefaling, på at forumet ikke ble enige, eller på at det ikke kom noen anbefaling.',
    events: DECISION,
  },
  { key: 'decisionYear', kind: 'integer', label: 'Vedtaksår', meaning: 'Året vedtaket ble gjort for.', events: ['AllocationDecided'] },
  { key: 'decidedOn', kind: 'date', label: 'Vedtaksdato', meaning: 'Datoen vedtaket ble gjort.', events: ['AllocationDecided'] },
  {
    key: 'decisionAmendments',
    kind: 'integer',
    label: 'Antall endringsvedtak',
    meaning: 'Hvor mange ganger vedtaket er endret.',
    events: ['AllocationAmended'],
  },
  {
    key: 'granted',
    kind: 'kroner',
    label: 'Innvilget beløp',
    meaning: 'Beløpet som er vedtatt for mottakeren og året, etter siste endring.',
    events: DECISION,
  },
  {
    key: 'departsFromRecommendation',
    kind: 'boolean',
    label: 'Avviker fra anbefaling',
    meaning: 'Om vedtaket avviker fra forumets anbefaling.',
    events: DECISION,
  },
  {
    key: 'deviationReason',
    kind: 'text',
    label: 'Begrunnelse for avvik',
    meaning: 'Statsforvalterens begrunnelse for å avvike fra anbefalingen.',
    events: DECISION,
  },
  {
    key: 'coFinancingRequired',
    kind: 'kroner',
    label: 'Krav til egenandel',
    meaning: 'Minste egenandel for skoleeieren: 30 prosent av innvilget beløp, rundet opp til hele kroner.',
    events: DECISION,
  },
  {
    key: 'coFinancingCommitted',
    kind: 'kroner',
    label: 'Lovet egenandel',
    meaning: 'Egenandelen mottakeren forpliktet seg til da tilskuddet ble akseptert.',
    events: ['GrantAccepted'],
  },
  {
    key: 'acceptedOn',
    kind: 'date',
    label: 'Akseptert dato',
    meaning: 'Datoen mottakeren aksepterte tilskuddet.',
    events: ['GrantAccepted'],
  },
  {
    key: 'paid',
    kind: 'kroner',
    label: 'Utbetalt',
    meaning: 'Summen av utbetalingene for mottakeren og året.',
    events: ['GrantPaymentRecorded'],
  },
  {
    key: 'lastPaidOn',
    kind: 'date',
    label: 'Siste utbetaling',
    meaning: 'Datoen for den siste utbetalingen.',
    events: ['GrantPaymentRecorded'],
  },
];
