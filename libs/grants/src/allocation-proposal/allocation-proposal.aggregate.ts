import type { OrgKind, Scheme } from '#libs/kernel';
import { defineAggregate, type DomainEvent, type Warning } from '#libs/platform';
import { decideDraftProposal, type DraftProposal } from './draft-proposal/draft-proposal.decide.js';

/**
 * R25: a proposal to split an amount over measures by a key. A draft the forum and the governor look at: its own
 * stream `AllocationProposal-<id>`, one event, and nothing charged to any frame until the governor decides
 * (POST /grants/bulk-decisions with `proposalId`).
 */
export type ProposalCommand = DraftProposal;

export const KEYS = ['pro_rata', 'participants', 'equal', 'weights'] as const;
export type AllocationKey = (typeof KEYS)[number];

export interface ProposedYear {
  year: number;
  requested: number;
  amount: number;
  /** R7/R8: the least co-financing this line would require. */
  coFinancingRequired: number;
}

export interface ProposalLine {
  measureId: string;
  title: string;
  recipientOrg: string;
  recipientKind: OrgKind | null;
  /** The measure's weight under the key (requested kroner, participants, 1, or the weight given). */
  weight: number;
  /** The decision year first; later years are commitments (R9). */
  years: ProposedYear[];
}

export interface YearEffect {
  year: number;
  frame: number | null;
  /** Decisions and commitments already charged to the year. */
  charged: number;
  proposed: number;
  /** frame − charged − proposed (null: no frame set yet). */
  freeAfter: number | null;
}

export interface ProposalDraftedData {
  proposalId: string;
  office: string;
  scheme: Scheme;
  year: number;
  callId: string;
  key: AllocationKey;
  source: 'recommendation' | 'submitted';
  recommendationId: string | null;
  amount: number;
  /** What the free amount of the decision year was when the proposal was made (R18). */
  freeAmount: number;
  allocated: number;
  /** Σ requests was below the amount: this much is left. */
  unallocated: number;
  lines: ProposalLine[];
  effect: YearEffect[];
  /** Measures left out, and why (decided already, no request in the decision year). */
  excluded: Array<{ measureId: string; reason: string }>;
  draftedOn: string;
  warnings: Warning[];
}

export type AllocationProposalDrafted = DomainEvent<'AllocationProposalDrafted', ProposalDraftedData>;
export type ProposalEvent = AllocationProposalDrafted;
export type ProposalState = { proposal: ProposalDraftedData | null };

export const AllocationProposal = defineAggregate<ProposalCommand, ProposalState, ProposalEvent>({
  name: 'AllocationProposal',
  decider: {
    initialState: { proposal: null },
    evolve: (_state, event) => ({ proposal: event.data }),
    decide: (command, state) => {
      switch (command.type) {
        case 'DraftProposal':
          return decideDraftProposal(command, state);
        default: {
          const unknown: never = command.type;
          throw new Error(`unknown command ${JSON.stringify(unknown)}`);
        }
      }
    },
  },
  eventTypes: { AllocationProposalDrafted: 1 },
});
