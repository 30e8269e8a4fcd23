import { ConflictError, NotFoundError, type OrgKind, type Scheme } from '#libs/kernel';
import { defineAggregate, type DomainEvent, type Warning } from '#libs/platform';
import { decideAddSubcontractor, type AddSubcontractor } from './add-subcontractor/add-subcontractor.decide.js';
import { decideCommitPartnership, type CommitPartnership } from './commit/commit.decide.js';
import { decideDeclinePartnership, type DeclinePartnership } from './decline/decline.decide.js';

/**
 * A university's answer to a measure that names it as partner (R3): commit (competence areas, capacity, period,
 * contact role) or decline with a reason; after committing it may add subcontractors under its own line (R2).
 * Stream `Partnership-<measureId>-<universityOrg>`: the university writes only its own stream, never the owners'.
 */
export const DECLINE_REASONS = ['competence', 'capacity'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Facts about the measure, looked up by the handler through MEASURE_CATALOG. */
export interface MeasureFacts {
  assessmentId: string;
  measureId: string;
  office: string;
  scheme: Scheme;
  year: number;
  startYear: number;
  spanYears: number;
  /** Whether the measure currently names this university as its partner. */
  namesUniversity: boolean;
  withdrawn: boolean;
}

export interface Subcontractor {
  orgNumber: string;
  name: string;
  kind: OrgKind | null;
  /** Share of the university's line, in whole percent. */
  sharePercent: number;
  task: string;
}

export type PartnershipCommand = CommitPartnership | DeclinePartnership | AddSubcontractor;

export type PartnershipCommitted = DomainEvent<
  'PartnershipCommitted',
  {
    measureId: string;
    assessmentId: string;
    university: string;
    office: string;
    competenceAreas: string[];
    capacityHoursPerYear: number;
    fromYear: number;
    toYear: number;
    contactRole: string;
    ruleSetVersion: string;
  }
>;
export type PartnershipDeclined = DomainEvent<
  'PartnershipDeclined',
  { measureId: string; assessmentId: string; university: string; office: string; reason: DeclineReason; explanation: string }
>;
export type SubcontractorAdded = DomainEvent<
  'SubcontractorAdded',
  {
    measureId: string;
    assessmentId: string;
    university: string;
    subcontractor: Subcontractor;
    totalSharePercent: number;
    warnings: Warning[];
  }
>;
export type PartnershipEvent = PartnershipCommitted | PartnershipDeclined | SubcontractorAdded;

export interface PartnershipState {
  status: 'requested' | 'committed' | 'declined';
  subcontractors: Subcontractor[];
}

/** R20: a university reads only measures that name it; others learn nothing (404). */
export function named(c: { university: string; measure: MeasureFacts }): void {
  if (!c.measure.namesUniversity) throw new NotFoundError('measure', c.measure.measureId);
  if (c.measure.withdrawn) throw new ConflictError('the needs assessment was withdrawn');
}

export function evolvePartnership(s: PartnershipState, e: PartnershipEvent): PartnershipState {
  switch (e.type) {
    case 'PartnershipCommitted':
      return { ...s, status: 'committed' };
    case 'PartnershipDeclined':
      return { ...s, status: 'declined' };
    case 'SubcontractorAdded':
      return { ...s, subcontractors: [...s.subcontractors, e.data.subcontractor] };
  }
}

export function decidePartnership(command: PartnershipCommand, state: PartnershipState): PartnershipEvent[] {
  switch (command.type) {
    case 'CommitPartnership':
      return decideCommitPartnership(command, state);
    case 'DeclinePartnership':
      return decideDeclinePartnership(command, state);
    case 'AddSubcontractor':
      return decideAddSubcontractor(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const Partnership = defineAggregate<PartnershipCommand, PartnershipState, PartnershipEvent>({
  name: 'Partnership',
  decider: { initialState: { status: 'requested', subcontractors: [] }, evolve: evolvePartnership, decide: decidePartnership },
  eventTypes: { PartnershipCommitted: 1, PartnershipDeclined: 1, SubcontractorAdded: 1 },
});

/** A partnership's aggregate id: the measure and the university. */
export const partnershipIdOf = (measureId: string, universityOrg: string) => `${measureId}-${universityOrg}`;
export const partnershipStream = (measureId: string, universityOrg: string) =>
  Partnership.streamOf(partnershipIdOf(measureId, universityOrg));
