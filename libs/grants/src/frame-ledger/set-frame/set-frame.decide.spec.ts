import { ConflictError } from '#libs/kernel';
import { frame, spec } from '../frame-ledger.fixtures.js';

describe('set a frame', () => {
  it('Given nothing, When the ministry sets a frame, Then FrameSet', () => {
    spec
      .given([])
      .when({ type: 'SetFrame', office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, amount: 1_000_000 })
      .then([frame(2028, 1_000_000)]);
  });

  it('Given a frame, When set again, Then a conflict: adjust it with a reason', () => {
    spec
      .given([frame(2028, 1)])
      .when({ type: 'SetFrame', office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, amount: 2 })
      .thenThrows(ConflictError);
  });

  it('YRKESFAG has no governor frame', () => {
    spec
      .given([])
      .when({ type: 'SetFrame', office: 'ROGALAND', scheme: 'YRKESFAG', year: 2028, amount: 1 })
      .thenViolatesExactly([['scheme', 'scheme']]);
  });

  it('a frame is a whole, non-negative number of kroner', () => {
    spec
      .given([])
      .when({ type: 'SetFrame', office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, amount: 1.5 })
      .thenViolatesExactly([['money', 'amount']]);
  });
});
