import { upcast } from '#libs/platform';
import type { NameSource } from '#libs/projections';
import { Organisation } from '../../organisation/organisation.aggregate.js';

/**
 * Organisations' names as their events tell them (registration, then each amendment), for read models that show a
 * name beside an org number and keep their own table of them (`namesTable('<prefix>_org_names', ORGANISATION_NAMES)`).
 */
export const ORGANISATION_NAMES: NameSource = {
  handles: Object.keys(Organisation.eventTypes),
  read(stored) {
    const { data } = upcast(Organisation, stored);
    return [{ key: data.orgNumber, name: data.name }];
  },
};
