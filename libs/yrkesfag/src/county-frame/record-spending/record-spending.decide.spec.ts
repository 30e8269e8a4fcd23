import { ConflictError, NotFoundError } from '#libs/kernel';
import { frameSet, measured, paid, reported, spec, spentOn } from '../county-frame.spec-fixtures.js';
import type { RecordSpending } from './record-spending.decide.js';

const spend = (amount: number, extra: Partial<RecordSpending> = {}): RecordSpending => ({
  type: 'RecordSpending',
  measureId: 'M1',
  amount,
  spentOn: '2027-10-01',
  participants: { vocational_teachers: 3, instructors: 10, professional_leaders: 2, examination_board_members: 1 },
  ...extra,
});
const given = [frameSet(), paid(1_000_000), measured('M1', 900_000)];

describe('spending per measure with participants per target group (R18, R24)', () => {
  it('Given a measure, When the county records spending, Then YrkesfagSpendingRecorded for its year', () => {
    spec
      .given(given)
      .when(spend(850_000))
      .then([spentOn('M1', 850_000)]);
  });

  it('R18: never more than the frame; participants are whole numbers; closed after the report; unknown measure 404', () => {
    spec
      .given(given)
      .when(spend(1_000_001))
      .thenViolatesExactly([['R18', 'amount']]);
    spec
      .given(given)
      .when(spend(1, { participants: { vocational_teachers: -1, instructors: 0, professional_leaders: 0, examination_board_members: 0 } }))
      .thenViolatesExactly([['R24', 'participants.vocational_teachers']]);
    spec
      .given([...given, reported()])
      .when(spend(1))
      .thenThrows(ConflictError);
    spec
      .given(given)
      .when(spend(1, { measureId: 'M9' }))
      .thenThrows(NotFoundError);
  });
});
