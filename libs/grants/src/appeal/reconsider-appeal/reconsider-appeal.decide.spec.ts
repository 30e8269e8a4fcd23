import { ConflictError, NotFoundError } from '#libs/kernel';
import type { ReconsiderAppeal } from './reconsider-appeal.decide.js';
import { after, APPEAL, lodged, remedy, spec } from '../appeal.fixtures.js';

const reconsider = (over: Partial<ReconsiderAppeal> = {}): ReconsiderAppeal => ({
  type: 'ReconsiderAppeal',
  appealId: APPEAL,
  outcome: 'partly_reversed',
  reason: 'the second teacher group is funded',
  lateReason: null,
  remedy: remedy(),
  today: '2028-05-20',
  ...over,
});

describe('the governor reconsiders an appeal (R23)', () => {
  it('a partial reversal records the change it made on the frame ledger', () => {
    spec
      .given(lodged())
      .when(reconsider())
      .then([
        {
          type: 'AppealReconsidered',
          data: {
            appealId: APPEAL,
            office: 'ROGALAND',
            outcome: 'partly_reversed',
            reason: 'the second teacher group is funded',
            lateReason: null,
            remedy: remedy(),
            reconsideredOn: '2028-05-20',
          },
        },
      ]);
  });

  it('upheld: the appeal goes on to Udir', () => {
    const events = spec
      .given(lodged())
      .when(reconsider({ outcome: 'upheld', remedy: null }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['AppealReconsidered', 'AppealForwarded']);
    expect(events[1].data).toEqual({ appealId: APPEAL, office: 'ROGALAND', to: 'UDIR', forwardedOn: '2028-05-20' });
    expect(spec.given(after(lodged(), reconsider({ outcome: 'upheld', remedy: null }))).state.status).toBe('forwarded');
  });

  it('a reversal names the new money; every step a reason', () => {
    spec
      .given(lodged())
      .when(reconsider({ reason: ' ', remedy: { ...remedy(), lines: [] } }))
      .thenViolatesExactly([
        ['R23', 'reason'],
        ['R23', 'amounts'],
      ]);
  });

  it('a late appeal is considered only with a reason; only a late one may be dismissed', () => {
    const late = lodged({ today: '2028-06-01' });
    spec
      .given(late)
      .when(reconsider())
      .thenViolatesExactly([['R23', 'lateReason']]);
    expect(
      spec
        .given(late)
        .when(reconsider({ lateReason: 'the letter reached the school owner late' }))
        .events()[0].data,
    ).toMatchObject({ lateReason: 'the letter reached the school owner late' });
    expect(
      spec
        .given(late)
        .when(reconsider({ outcome: 'dismissed', remedy: null }))
        .events()[0].data,
    ).toMatchObject({ outcome: 'dismissed', remedy: null });
    spec
      .given(lodged())
      .when(reconsider({ outcome: 'dismissed', remedy: null }))
      .thenViolatesExactly([['R23', 'outcome']]);
  });

  it('no appeal: 404; reconsidered already: 409', () => {
    spec.given([]).when(reconsider()).thenThrows(NotFoundError);
    spec.given(after(lodged(), reconsider())).when(reconsider()).thenThrows(ConflictError);
  });
});
