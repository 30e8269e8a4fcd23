import { type Actor, ForbiddenError } from '#libs/kernel';
import { assertCanSee, assertOffice, assertRole, assertSameOrg, canSee } from './index.js';

const ministry: Actor = { role: 'ministry', org: '972417807', subject: 'kd' };
const governor: Actor = { role: 'governor', org: '974763230', subject: 'g', office: 'ROGALAND' };
const owner: Actor = { role: 'school_owner', org: '964965226', subject: 'o' };
const university: Actor = { role: 'university', org: '971564679', subject: 'u' };

describe('R20 organisation checks', () => {
  it('assertSameOrg: own org passes, another org is forbidden, the ministry passes', () => {
    expect(() => assertSameOrg(owner, '964965226')).not.toThrow();
    expect(() => assertSameOrg(owner, '964338531', 'Needs assessment 42')).toThrow(ForbiddenError);
    expect(() => assertSameOrg(owner, '964338531', 'Needs assessment 42')).toThrow(
      'Needs assessment 42 belongs to organisation 964338531; you act for 964965226',
    );
    expect(() => assertSameOrg(governor, '964965226')).toThrow(ForbiddenError);
    expect(() => assertSameOrg(ministry, '964965226')).not.toThrow();
  });

  it('assertOffice: only a governor of that office, or the ministry', () => {
    expect(() => assertOffice(governor, 'ROGALAND')).not.toThrow();
    expect(() => assertOffice(governor, 'AGDER')).toThrow(/belongs to governor office AGDER; you act for office ROGALAND/);
    expect(() => assertOffice(owner, 'ROGALAND')).toThrow(/role school_owner may not do this/);
    expect(() => assertOffice(university, 'ROGALAND')).toThrow(ForbiddenError);
    expect(() => assertOffice(ministry, 'AGDER')).not.toThrow();
  });

  it('assertRole', () => {
    expect(() => assertRole(owner, 'school_owner', 'university')).not.toThrow();
    expect(() => assertRole(owner, 'governor')).toThrow('This action requires role governor; you are school_owner');
    expect(() => assertRole(ministry, 'governor')).not.toThrow();
  });

  it('canSee / assertCanSee', () => {
    const inRogaland = { org: '964965226', office: 'ROGALAND' };
    expect(canSee(ministry, inRogaland)).toBe(true);
    expect(canSee(governor, inRogaland)).toBe(true);
    expect(canSee(governor, { org: '964965226', office: 'AGDER' })).toBe(false);
    expect(canSee(governor, { org: '974763230' })).toBe(false); // an office-less record is not the governor's
    expect(canSee(owner, inRogaland)).toBe(true);
    expect(canSee(owner, { org: '964338531', office: 'ROGALAND' })).toBe(false);
    expect(canSee(university, inRogaland)).toBe(false);
    expect(() => assertCanSee(university, inRogaland, 'Grant 7')).toThrow(
      'Grant 7 is not visible to university of organisation 971564679',
    );
  });
});
