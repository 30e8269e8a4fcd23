import type { Actor } from './actor.js';
import { AccessPolicy } from './access-policy.js';
import { ForbiddenError } from './errors.js';

const ministry: Actor = { role: 'ministry', org: '972417807', subject: 'kd' };
const governor: Actor = { role: 'governor', org: '974763230', subject: 'g', office: 'ROGALAND' };
const owner: Actor = { role: 'school_owner', org: '964965226', subject: 'o' };
const university: Actor = { role: 'university', org: '971564679', subject: 'u' };

describe('R20 access policy', () => {
  it('canSee: the ministry everything, a governor its office, an organisation its own data', () => {
    const inRogaland = { orgs: ['964965226'], office: 'ROGALAND' };
    expect(AccessPolicy.canSee(ministry, inRogaland)).toBe(true);
    expect(AccessPolicy.canSee(governor, inRogaland)).toBe(true);
    expect(AccessPolicy.canSee(governor, { orgs: ['964965226'], office: 'AGDER' })).toBe(false);
    expect(AccessPolicy.canSee(governor, { orgs: ['974763230'] })).toBe(false); // an office-less record is not the governor's
    expect(AccessPolicy.canSee(owner, inRogaland)).toBe(true);
    expect(AccessPolicy.canSee(owner, { orgs: ['964338531'], office: 'ROGALAND' })).toBe(false);
    expect(AccessPolicy.canSee(university, inRogaland)).toBe(false);
    expect(AccessPolicy.canSee(university, { orgs: ['964965226', '971564679'] })).toBe(true);
  });

  it('every refusal is a ForbiddenError of rule R20 naming who asked', () => {
    const refusal = (() => {
      try {
        AccessPolicy.assertCanSee(university, { orgs: ['964965226'], office: 'ROGALAND' }, 'Grant 7');
      } catch (e) {
        return e;
      }
    })();
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect(refusal).toMatchObject({ rule: 'R20', message: 'Grant 7 is not visible to university 971564679' });
  });

  it('governorOffice / assertGovernorOf: only a governor, of that office', () => {
    expect(AccessPolicy.governorOffice(governor, 'opens calls')).toBe('ROGALAND');
    expect(() => AccessPolicy.governorOffice(ministry, 'opens calls')).toThrow('only a governor opens calls; you are ministry');
    expect(() => AccessPolicy.assertGovernorOf(governor, 'ROGALAND', 'pays')).not.toThrow();
    expect(() => AccessPolicy.assertGovernorOf(governor, 'AGDER', 'pays', 'Grant 7')).toThrow(
      'Grant 7 belongs to governor office AGDER; you act for office ROGALAND',
    );
  });

  it('assertActsFor / assertMinistry / assertRole', () => {
    expect(() => AccessPolicy.assertActsFor(owner, '964965226', 'accepts')).not.toThrow();
    expect(() => AccessPolicy.assertActsFor(owner, '964338531', 'accepts')).toThrow(
      'only 964338531 itself accepts; you are school_owner 964965226',
    );
    expect(() => AccessPolicy.assertActsFor(ministry, '964965226', 'accepts')).toThrow(ForbiddenError);
    expect(() => AccessPolicy.assertMinistry(ministry, 'sets frames')).not.toThrow();
    expect(() => AccessPolicy.assertMinistry(governor, 'sets frames')).toThrow('only the ministry sets frames; you are governor');
    expect(() => AccessPolicy.assertRole(owner, ['school_owner', 'university'], 'reports')).not.toThrow();
    expect(() => AccessPolicy.assertRole(governor, ['school_owner'], 'reports')).toThrow(ForbiddenError);
  });
});

describe('R20 acting for one of several organisations', () => {
  it('a network owner acts for itself only', () => {
    expect(() => AccessPolicy.assertActsForOneOf(owner, ['964965226', '964338531'], 'confirm their part')).not.toThrow();
    expect(() => AccessPolicy.assertActsForOneOf(owner, ['964338531'], 'confirm their part')).toThrow(
      'only 964338531 confirm their part; you are school_owner 964965226',
    );
    expect(() => AccessPolicy.assertActsForOneOf(governor, ['974763230'], 'confirm their part')).toThrow(ForbiddenError);
  });
});
