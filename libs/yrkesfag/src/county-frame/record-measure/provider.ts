import type { RuleViolation } from '#libs/kernel';
import { isValidOrgNumber } from '#libs/reference-data';
import type { Provider } from '../county-frame.events.js';
import type { ExistingCounty } from '../county-frame.state.js';
import { PROVIDER_KINDS } from '../reference.js';

/**
 * R24: a provider is a university, a vocational college, a trade body, a company or the county municipality
 * itself (then its org number may be left out). No university partner is required (R2 and R3 do not apply).
 */
export function checkProvider(provider: Provider, county: ExistingCounty, violations: RuleViolation[]): Provider {
  if (!PROVIDER_KINDS.includes(provider.kind))
    violations.push({ rule: 'R24', field: 'provider.kind', message: `a provider is one of ${PROVIDER_KINDS.join(', ')}` });
  if (provider.kind === 'county_municipality') {
    if (provider.orgNumber !== null && provider.orgNumber !== county.county) {
      violations.push({
        rule: 'R24',
        field: 'provider.orgNumber',
        message: `a county municipality provides only its own measures: ${provider.orgNumber} is not ${county.county}`,
      });
    }
    return { kind: provider.kind, orgNumber: county.county, name: provider.name.trim() || county.name };
  }
  if (provider.orgNumber === null)
    violations.push({
      rule: 'R24',
      field: 'provider.orgNumber',
      message: `a provider of kind ${provider.kind} is named by its org number`,
    });
  else if (!isValidOrgNumber(provider.orgNumber))
    violations.push({ rule: 'R19', field: 'provider.orgNumber', message: 'an org number has 9 digits with a valid mod-11 check digit' });
  if (!provider.name.trim()) violations.push({ rule: 'R24', field: 'provider.name', message: 'the provider needs a name' });
  return { ...provider, name: provider.name.trim() };
}
