import { frameSet, need, spec } from '../county-frame.spec-fixtures.js';
import type { RecordNeed } from './record-need.decide.js';

const record = (extra: Partial<RecordNeed> = {}): RecordNeed => ({
  type: 'RecordNeed',
  year: 2027,
  fromOrg: '974600951',
  source: 'training_company',
  targetGroups: ['instructors'],
  programmeAreas: ['EL'],
  description: 'Veiledning',
  ...extra,
});

describe('a need from a school or training company (R24)', () => {
  it('Given a frame, When the county records a need, Then YrkesfagNeedRecorded', () => {
    spec.given([frameSet()]).when(record()).then([need]);
  });

  it('R24/R19: known target groups and programme areas, at least one of each; a valid org number', () => {
    spec
      .given([frameSet()])
      .when(record({ targetGroups: [], programmeAreas: ['XX' as never], fromOrg: '123456789' }))
      .thenViolatesExactly([
        ['R19', 'fromOrg'],
        ['R24', 'targetGroups'],
        ['R24', 'programmeAreas[0]'],
      ]);
  });
});
