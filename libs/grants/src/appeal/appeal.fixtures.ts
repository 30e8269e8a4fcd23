import { deciderSpec } from '#libs/testing';
import { Appeal, appealIdOf, type AppealEvent, type AppealCommand } from './appeal.aggregate.js';
import type { LodgeAppeal } from './lodge-appeal/lodge-appeal.decide.js';

/** Shared Given/When material for the appeal decide specs. */
export const spec = deciderSpec(Appeal.decider);
export const GRANT = 'ROGALAND.DEKOMP.m1.964965226';
export const SANDNES = '930000014';
export const APPEAL = appealIdOf(GRANT, 1, '964965226');

export function lodge(over: Partial<LodgeAppeal> = {}): LodgeAppeal {
  return {
    type: 'LodgeAppeal',
    appealId: APPEAL,
    grant: {
      grantId: GRANT,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      callId: 'rogaland-dekomp-2028',
      measureId: 'm1',
      recipientOrg: '964965226',
    },
    letter: { n: 1, kind: 'decision', date: '2028-04-20', caseNumber: '2028/DEKOMP-1' },
    appellant: { org: '964965226', ownsMeasure: true, requested: 500_000, granted: 300_000 },
    grounds: 'the measure needs the full amount',
    today: '2028-05-02',
    ...over,
  };
}

export const remedy = (amount = 400_000) => ({ grantId: GRANT, kind: 'amendment' as const, lines: [{ year: 2028, amount }], position: 42 });

/** The events after a command is decided on them. */
export const after = (events: AppealEvent[], command: AppealCommand) => [...events, ...spec.given(events).when(command).events()];
export const lodged = (over: Partial<LodgeAppeal> = {}) => after([], lodge(over));
