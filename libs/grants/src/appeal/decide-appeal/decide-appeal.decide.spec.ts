import { ConflictError } from '#libs/kernel';
import type { DecideAppeal } from './decide-appeal.decide.js';
import { after, APPEAL, lodged, remedy, spec } from '../appeal.fixtures.js';

const forwarded = after(lodged(), {
  type: 'ReconsiderAppeal',
  appealId: APPEAL,
  outcome: 'upheld',
  reason: 'the frame is spent',
  lateReason: null,
  remedy: null,
  today: '2028-05-20',
});
const decide = (over: Partial<DecideAppeal> = {}): DecideAppeal => ({
  type: 'DecideAppeal',
  appealId: APPEAL,
  outcome: 'upheld',
  reason: 'the governor weighed the needs lawfully',
  remedy: null,
  today: '2028-08-15',
  ...over,
});

describe('Udir decides a forwarded appeal (R23)', () => {
  it('upheld: the decision stands', () => {
    spec
      .given(forwarded)
      .when(decide())
      .then([
        {
          type: 'AppealDecided',
          data: {
            appealId: APPEAL,
            office: 'ROGALAND',
            by: 'UDIR',
            outcome: 'upheld',
            reason: 'the governor weighed the needs lawfully',
            remedy: null,
            decidedOn: '2028-08-15',
          },
        },
      ]);
  });

  it('reversed or partly reversed: with the change on the frame ledger', () => {
    expect(
      spec
        .given(forwarded)
        .when(decide({ outcome: 'reversed', remedy: remedy(500_000) }))
        .events()[0].data,
    ).toMatchObject({ outcome: 'reversed', remedy: { lines: [{ year: 2028, amount: 500_000 }] } });
    spec
      .given(forwarded)
      .when(decide({ outcome: 'partly_reversed', remedy: null }))
      .thenViolatesExactly([['R23', 'amounts']]);
  });

  it('only an appeal the governor forwarded: not one still with the governor, not twice', () => {
    spec.given(lodged()).when(decide()).thenThrows(ConflictError);
    spec.given(after(forwarded, decide())).when(decide()).thenThrows(ConflictError);
  });
});
